/**
 * JSON that names a value exactly: two values get the same text only when
 * anything reading them as plain data (a template, a page) reads the same.
 * JSON.stringify alone does not: it writes NaN and Infinity as null, a hole
 * or an undefined array item as null, a Date as its text, a class
 * instance as its own fields (its prototype, which Liquid can read, is
 * lost), and leaves functions out. Any of those, or a string starting with
 * NUL (the mark of a stand-in), makes the answer undefined: then the value
 * cannot be named by its JSON, and the caller takes the plain path.
 *
 * `standIn` names objects that stand for themselves (a card by its digest);
 * its names must start with NUL, so no plain string can be mistaken for one.
 * `token` accepts the caller's own NUL-marked strings (an issue body's
 * stand-in in page data), which name what they stand for exactly.
 */
export function exactJson(value: unknown, standIn: (object: object) => string | undefined, token?: (text: string) => boolean): string | undefined {
  let exact = true;
  // One closure over every value of the tree (a big page has hundreds of thousands): kept to a switch.
  const json = JSON.stringify(value, function (this: Record<string, unknown>, key: string): unknown {
    if (!exact) return undefined;
    // The holder's own value, before any toJSON: a Date must be seen as a Date. (The root's holder is JSON's `{"": value}`.)
    const own = this[key];
    switch (typeof own) {
      case "string":
        if (own.charCodeAt(0) !== 0 || token?.(own) === true) return own;
        break;
      case "number":
        // -0 is written as 0, which is how Liquid prints and computes with it.
        if (Number.isFinite(own)) return own;
        break;
      case "boolean":
        return own;
      case "undefined":
        // A missing property and an undefined one read the same; an undefined array item would be written as null.
        if (!Array.isArray(this)) return undefined;
        break;
      case "object": {
        if (own === null) return null;
        const named = standIn(own);
        if (named !== undefined) return named;
        const proto: unknown = Object.getPrototypeOf(own);
        if (proto === Object.prototype || proto === Array.prototype) return own;
        break;
      }
      default:
    }
    exact = false;
    return undefined;
  });
  return exact ? json : undefined;
}
