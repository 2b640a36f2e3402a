import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../src/content/front-matter.js";
import { formatDiagnostic } from "../../src/diagnostics.js";

const FRONT = '---\ntitle: "5月号"\nissue: 2\ndate: 2011-05-01\n---\n\n本文。\n';

function messages(text: string): string[] {
  const result = parseFrontMatter("x.md", text);
  return result.ok ? [] : result.messages.map(formatDiagnostic);
}

/**
 * An empty line above the opening --- (a template pasted under a blank
 * line) was reported as "missing front matter: the file must start with a
 * line containing only ---", though the --- was right there on line 2.
 * gray-matter is the independent reader: with the lines the message names
 * deleted, it finds the title.
 */
describe("empty lines above the front matter", () => {
  it.each([
    ["one empty line", `\n${FRONT}`, "x.md:1:1  the front matter must start on the file's first line, but line 1 above its --- is empty; delete it"],
    ["two, one with spaces", `\n  \n${FRONT}`, "x.md:1:1  the front matter must start on the file's first line, but lines 1–2 above its --- are empty; delete them"],
  ])("%s: named, with the lines to delete", (_name, text, expected) => {
    expect(messages(text)).toEqual([expected]);
    const lines = Number(/lines? (\d+)(?:–(\d+))?/.exec(expected)?.slice(1).filter(Boolean).at(-1));
    expect(matter(text.split("\n").slice(lines).join("\n")).data["title"]).toBe("5月号");
  });

  it("a file with no --- at all is still missing its front matter", () => {
    expect(messages("\ntitle: x\n\n本文。\n")[0]).toContain("missing front matter");
  });
});
