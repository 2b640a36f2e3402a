import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../src/content/front-matter.js";
import { formatDiagnostic } from "../../src/diagnostics.js";

/**
 * A front-matter field indented with spaces (a paste, an editor's
 * auto-indent) was reported in the YAML parser's words, two or three times,
 * at the line above ("Nested mappings are not allowed in compact mappings",
 * "Implicit keys need to be on a single line"). It is named once, at its
 * line, with the line as it must be typed. The oracle is gray-matter
 * (js-yaml), another YAML reader: with the line typed as the message says,
 * it reads the field at the top level, with its value.
 */
const FIELDS = '---\ntitle: "5月号"\nissue: 2\ndate: 2011-05-01\n';

function messages(text: string): string[] {
  const result = parseFrontMatter("x.md", text);
  return result.ok ? [] : result.messages.map(formatDiagnostic);
}

/** The file with each named line replaced by what its message says to write. */
function typedAsTold(text: string, said: readonly string[]): string {
  const lines = text.split("\n");
  for (const message of said) {
    const found = /^x\.md:(\d+):1 {2}.* write (.*)$/.exec(message);
    if (found === null) throw new Error(`no fix in ${message}`);
    lines[Number(found[1]) - 1] = found[2] ?? "";
  }
  return lines.join("\n");
}

describe("a field indented with spaces", () => {
  it.each([
    ["under a date", `${FIELDS}  draft: true\n---\n\n本文。\n`, [5], { draft: true }],
    ["under a list in brackets", `${FIELDS}tags: [pacemaker]\n    draft: true\n---\n\n本文。\n`, [6], { draft: true, tags: ["pacemaker"] }],
    ["under a list item", `${FIELDS}authors:\n  - 編集部\n  draft: true\n---\n\n本文。\n`, [7], { draft: true, authors: ["編集部"] }],
    ["the first field", '---\n  title: "5月号"\nissue: 2\ndate: 2011-05-01\n---\n\n本文。\n', [2], { title: "5月号" }],
    ["two in a row", `${FIELDS}    summary: "概要"\n  draft: true\n---\n\n本文。\n`, [5, 6], { summary: "概要", draft: true }],
  ])("%s is named once, at its line, and the fix is read as a field", (_name, text, at, fields) => {
    const said = messages(text);
    expect(said.map((m) => Number(/^x\.md:(\d+):/.exec(m)?.[1]))).toEqual(at);
    for (const message of said) expect(message).toMatch(/^x\.md:\d+:1 {2}"\w+" is indented, so YAML does not read it as a field of its own; a field starts at the beginning of the line: write \w+: .+$/);
    const fixed = typedAsTold(text, said);
    expect(matter(fixed).data).toMatchObject(fields);
    expect(messages(fixed)).toEqual([]);
  });

  it.each([
    ["list items", `${FIELDS}authors:\n  - 編集部\n  - 山田\n---\n\n本文。\n`],
    ["a block scalar's lines that look like fields", `${FIELDS}summary: |\n  注意: 1.0 系\n  draft: は別\n---\n\n本文。\n`],
    ["a quoted value over two lines", `${FIELDS}summary: "概要\n  draft: true"\n---\n\n本文。\n`],
  ])("%s, which YAML reads, are not named", (_name, text) => {
    expect(messages(text)).toEqual([]);
    expect(matter(text).data).not.toHaveProperty("draft");
  });
});

describe("a field indented with spaces under one indented with a tab", () => {
  it("is named as indented, with its fix, and the tab line keeps its own message", () => {
    const said = messages(`${FIELDS}\ttags: [pacemaker]\n  draft: true\n---\n\n本文。\n`);
    expect(said).toHaveLength(2);
    expect(said).toContain('x.md:6:1  "draft" is indented, so YAML does not read it as a field of its own; a field starts at the beginning of the line: write draft: true');
    expect(said.find((m) => m.startsWith("x.md:5:1  "))).toMatch(/indented with a tab/);
    expect(said.join("\n")).not.toMatch(/same column/);
  });
});
