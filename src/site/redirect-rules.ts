/** A rule of a `_redirects` file: where it is, its old address, and where it leads. */
export interface RedirectRule {
  line: number;
  column: number;
  from: string;
  to: string;
  /** A splat (`*`) or a placeholder (`:name`) in its old address: Cloudflare Pages counts it against its smaller limit. */
  dynamic: boolean;
  /** Its code ends in "!" (`301!`): Netlify applies it where a file is too. */
  forced: boolean;
}

/**
 * The rules of a `_redirects` file as Netlify and Cloudflare Pages read it:
 * one a line, the first word the old address; blank lines and lines that
 * start with `#` are none. A line the host would void (one word) is still
 * counted: which lines a host voids is its own, and a count a little high
 * only warns early.
 */
export function redirectRules(text: string): RedirectRule[] {
  const rules: RedirectRule[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/\r$/, "");
    const start = line.search(/\S/);
    if (start === -1 || line[start] === "#") return;
    const [from = "", to = "", ...rest] = line.slice(start).split(/\s+/);
    rules.push({ line: index + 1, column: start + 1, from, to, dynamic: isDynamic(from), forced: rest.some((word) => /^\d+!$/.test(word)) });
  });
  return rules;
}

/** As Cloudflare tells them apart: a splat anywhere, or a path segment that starts with ":". */
function isDynamic(from: string): boolean {
  return from.includes("*") || /(^|\/):[A-Za-z_]/.test(from);
}

/** An old address as hosts match it: "/a" and "/a/" are one address to both. */
export function sameAddress(a: string, b: string): boolean {
  return a.replace(/\/+$/, "") === b.replace(/\/+$/, "");
}
