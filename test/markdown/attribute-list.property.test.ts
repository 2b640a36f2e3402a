/**
 * readAttributes reads a block's `{…}` as written, because remark-directive
 * keeps only the last value of a name (a repeated `device=` was published
 * silently). Two oracles: remark-directive itself, through gekkan's own
 * container-only plugin (which lists it reads, and what each name ends up
 * as), and lists built from known attributes (what each one is, where).
 * No `&` is generated: remark-directive decodes character references in
 * values, which readAttributes leaves as written on purpose.
 */
import fc from "fast-check";
import type { Root } from "mdast";
import type { ContainerDirective } from "mdast-util-directive";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { readAttributes, repeatedAttributes, type WrittenAttribute } from "../../src/markdown/plugins/attribute-list.js";
import { remarkContainerDirective } from "../../src/markdown/plugins/remark-container-directive.js";

const parser = unified().use(remarkParse).use(remarkContainerDirective);
const OPENER = ":::stonith";

/** What remark-directive makes of `:::stonith{…}` as the opening line: its attributes, or undefined when it is no block. */
function remarkReads(list: string): Record<string, string> | undefined {
  const first = (parser.parse(`${OPENER}${list}\n:::\n`) as Root).children[0];
  return first?.type === "containerDirective" ? ((first as ContainerDirective).attributes as Record<string, string>) : undefined;
}

/** remark-directive's rule for what a list comes to: the last value of each name, classes joined by spaces. */
function lastWins(attributes: readonly WrittenAttribute[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const { key, value } of attributes) result[key] = key === "class" && result.class !== undefined ? `${result.class} ${value}` : value;
  return result;
}

// Heavy on the characters of the grammar, with a full-width space, a backslash, Japanese and an emoji's halves.
const CHARS = ["a", "b", "Z", "1", "-", "_", ":", ".", "#", "=", " ", "\t", "\"", "'", "\\", "}", "{", "<", "`", "/", "　", "あ", "😀", "!"];
const anyList = fc.array(fc.constantFrom(...CHARS), { maxLength: 30 }).map((chars) => `{${chars.join("")}`);

describe("readAttributes: a block's attribute list as written", () => {
  it("reads a list exactly when remark-directive does, to the same values", () => {
    fc.assert(
      fc.property(anyList, fc.constantFrom("", " ", "}", " x"), (list, after) => {
        const line = list + after;
        const read = readAttributes(line);
        const accepted = read !== undefined && /^[ \t]*$/.test(line.slice(read.end));
        const remark = remarkReads(line);
        expect(accepted, JSON.stringify(line)).toBe(remark !== undefined);
        if (read !== undefined && remark !== undefined) expect(lastWins(read.attributes)).toEqual(remark);
      }),
      { numRuns: 5000 },
    );
  });

  const name = fc.stringMatching(/^[a-z][a-z0-9_:.-]{0,6}$/);
  const known = fc.oneof(
    fc.record({ form: fc.constant("#" as const), value: fc.stringMatching(/^[^#.}\s"'<=>`&]{1,6}$/) }),
    fc.record({ form: fc.constant("." as const), value: fc.stringMatching(/^[^#.}\s"'<=>`&]{1,6}$/) }),
    fc.record({ form: fc.constant("\"" as const), name, value: fc.stringMatching(/^[^"\n\r&]{0,8}$/) }),
    fc.record({ form: fc.constant("'" as const), name, value: fc.stringMatching(/^[^'\n\r&]{0,8}$/) }),
    fc.record({ form: fc.constant("=" as const), name, value: fc.stringMatching(/^[^\s"'<=>`}&]{1,8}$/) }),
    fc.record({ form: fc.constant("" as const), name, value: fc.constant("") }),
  );
  // A space first: a tab straight after a bare name continues the name (the first property covers that).
  const separator = fc.stringMatching(/^ [ \t]{0,2}$/);

  it("finds each attribute of a list built from known ones: its name, value and place", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(separator, known), { maxLength: 8 }), separator, (parts, last) => {
        let text = "{";
        const expected: WrittenAttribute[] = [];
        for (const [space, attribute] of parts) {
          text += space;
          const index = text.length;
          const key = attribute.form === "#" ? "id" : attribute.form === "." ? "class" : attribute.name;
          const written = attribute.form === "#" || attribute.form === "." ? `${attribute.form}${attribute.value}` : attribute.form === "" ? key : attribute.form === "=" ? `${key}=${attribute.value}` : `${key}=${attribute.form}${attribute.value}${attribute.form}`;
          text += written;
          const shorthand = attribute.form === "#" || attribute.form === "." ? { shorthand: attribute.form } : {};
          expected.push({ key, value: attribute.value, index, assigned: attribute.form !== "", ...shorthand });
        }
        text += `${last}}`;
        expect(readAttributes(text)).toEqual({ attributes: expected, end: text.length });
        expect(remarkReads(text)).toEqual(lastWins(expected));
      }),
      { numRuns: 3000 },
    );
  });

  it("names each name given more than once at its second place, with its values in order; classes join and are left out", () => {
    const list = readAttributes(`{device="X" plugin=y .a device='Z' #i .b id="j"}`)?.attributes ?? [];
    expect(repeatedAttributes(list).map(({ reason, attribute }) => [reason, attribute.index])).toEqual([
      [`device is given twice in this block's attributes ("X", then "Z"); keep one`, 24],
      [`id is given twice in this block's attributes ("i", then "j"); keep one`, 41],
    ]);
  });
});
