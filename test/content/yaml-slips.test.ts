import matter from "gray-matter";
import { afterEach, describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../src/content/front-matter.js";
import { formatDiagnostic } from "../../src/diagnostics.js";
import { buildInProcess } from "../helpers/io.js";
import { tempSite, type TempDir } from "../helpers/temp-site.js";
import { yamlLibraryMessages } from "../helpers/yaml-library-words.js";

/**
 * Slips an author makes in front matter, which the yaml library reports in
 * its own words ("Implicit keys need to be on a single line", "Unexpected
 * block-seq-ind on same line with key"). Each must be said in plain words at
 * the line typed, with the fix. Oracles: the library's messages read from its
 * installed code (yaml-library-words.ts), places and messages written here by
 * hand, and gray-matter (js-yaml), which must read the fix a message gives as
 * the text the author typed.
 */
const FIELDS = "issue: 1\ndate: 2011-07-01\n";

function messages(text: string): string[] {
  const result = parseFrontMatter("x.md", text);
  return result.ok ? [] : result.messages.map(formatDiagnostic);
}

/** Front matter holding `lines` above the usual fields, then the text. */
const file = (lines: string) => `---\n${lines}${FIELDS}---\n\n本文。\n`;

const SLIPS: ReadonlyArray<readonly [string, string]> = [
  ["a Markdown line between fields", "---\ntitle: 第1号\n本文の書き出し\ndate: 2011-07-01\nissue: 1\n---\n\n本文\n"],
  ["a Markdown line under the last field", "---\ntitle: 第1号\nissue: 1\ndate: 2011-07-01\n本文の書き出し\n---\n\n本文\n"],
  ["a Markdown list item between fields", "---\ntitle: 第1号\n* 項目\ndate: 2011-07-01\nissue: 1\n---\n"],
  ["a Markdown quote between fields", "---\ntitle: 第1号\n> 引用\ndate: 2011-07-01\nissue: 1\n---\n"],
  ["a summary going on, unindented", "---\ntitle: 第1号\nsummary: 一行目\n二行目\nissue: 1\ndate: 2011-07-01\n---\n"],
  ["a value under its field, unindented", "---\ntitle:\n第1号\nissue: 1\ndate: 2011-07-01\n---\n"],
  ["block text unindented", "---\ntitle: |\n第1号\nissue: 1\ndate: 2011-07-01\n---\n"],
  ["a colon forgotten", file("title 第1号\n")],
  ["a colon forgotten on the last field", "---\ntitle: 第1号\nissue: 1\ndate 2011-07-01\n---\n"],
  ["a space forgotten after the colon", file("title:第1号\n")],
  ["title: - x", file("title: - x\n")],
  ["tags: - a with items below", file("title: 第1号\ntags: - a\n  - b\n")],
  ['title: "a" b', file('title: "Pacemaker" リリース\n')],
  ["title: 'a' b", file("title: 'It's' 第1号\n")],
  ["title: [draft] 第1号", file("title: [draft] 第1号\n")],
  ["title: {x} 第1号", file("title: {x} 第1号\n")],
  ["title: @x", file("title: @x\n")],
  ["title: `x` 入門", file("title: `x` 入門\n")],
  ["title: %x", file("title: %x 第1号\n")],
  ["title: , x", file("title: , x\n")],
  ["title: ? x", file("title: ? x\n")],
  ["title: * x", file("title: * x\n")],
  ["title: & x", file("title: & x\n")],
  ["title: |x", file("title: |x\n")],
  ["title: | text", file("title: | 第1号\n")],
  ["title: > text", file("title: > 第1号\n")],
  ["a # right after a closing quote", file('title: "第1号"#特集\n')],
  ["a bad escape", file('title: "C:\\temp\\q"\n')],
  ["a stray list item", "---\ntitle: 第1号\n- x\nissue: 1\ndate: 2011-07-01\n---\n"],
  ["a stray dash", "---\ntitle: 第1号\n-\nissue: 1\ndate: 2011-07-01\n---\n"],
  ["a field typed as a list item", "---\ntitle: 第1号\n- issue: 1\ndate: 2011-07-01\n---\n"],
  ["a line of ...", "---\ntitle: 第1号\n...\nissue: 1\ndate: 2011-07-01\n---\n"],
  ["a directive", file("%YAML 1.2\ntitle: 第1号\n")],
  ["two commas in a list", file("title: 第1号\ntags: [a,, b]\n")],
  ["a list closed twice", file("title: 第1号\ntags: [a, b]]\n")],
  ["list items at two indents", file("title: 第1号\ntags:\n  - a\n - b\n")],
  ["text under a list item", file("title: 第1号\ntags:\n  - a\n  text\n")],
  ["a colon and a space in a value", file("title: 注意: 再起動\n")],
  ["a key repeated", file("title: 第1号\ntitle: 第2号\n")],
  ["a tab indent", file("title: 第1号\n\tsummary: x\n")],
  ["a list item above the fields", file("  - pacemaker\ntitle: 第1号\n")],
  ["a mark before a field's name", file("title: 第1号\n*tags: [pacemaker]\n")],
  ["a list item with a mark at the margin under its field", "---\nauthors:\n* - 山田\ntitle: 第1号\nissue: 1\ndate: 2011-07-01\n---\n"],
  ["a quote never closed", file('title: "第1号\n')],
];

describe("front-matter slips are said in gekkan's words, never the yaml library's", () => {
  const library = yamlLibraryMessages();

  it("the library's messages are read from its code", () => {
    // Guards the oracle itself: a yaml release that moved its messages would otherwise pass everything.
    expect(library.some((pattern) => pattern.test("Implicit keys need to be on a single line"))).toBe(true);
    expect(library.some((pattern) => pattern.test("Unexpected scalar at node end"))).toBe(true);
  });

  it.each(SLIPS)("%s", (_name, text) => {
    const said = messages(text);
    expect(said.length, "an error").toBeGreaterThan(0);
    for (const line of said) {
      expect(library.filter((pattern) => pattern.test(line)).map(String), line).toEqual([]);
      expect(line, "located past the opening ---").toMatch(/^x\.md:([2-9]|\d{2,}):\d+ {2}\S/);
    }
  });
});

describe("a line that is not a field is named at its line with what to do", () => {
  it.each([
    [
      "the Markdown line between title and date",
      "---\ntitle: 第1号\n本文の書き出し\ndate: 2011-07-01\nissue: 1\n---\n\n本文\n",
      ['x.md:3:1  invalid YAML in front matter: this line is not a field ("name: value"), so YAML cannot read it; if it goes on with the value of "title" above, indent it by two spaces; if it is the issue\'s text, move it below the closing ---'],
    ],
    [
      "a Markdown line under the date",
      "---\ntitle: 第1号\nissue: 1\ndate: 2011-07-01\n本文の書き出し\n---\n",
      ['x.md:5:1  invalid YAML in front matter: this line is not a field ("name: value"), so YAML cannot read it; if it is the issue\'s text, move it below the closing ---'],
    ],
    [
      "a value typed under its field",
      "---\ntitle:\n第1号\nissue: 1\ndate: 2011-07-01\n---\n",
      ['x.md:3:1  invalid YAML in front matter: this line is not a field ("name: value"), so YAML cannot read it; if it is the value of "title", write it on that field\'s line, after the colon: title: 第1号; if it is the issue\'s text, move it below the closing ---'],
    ],
    ["a colon forgotten", file("title 第1号\n"), ['x.md:2:1  invalid YAML in front matter: "title" has no colon after it, so YAML reads no field here; write title: 第1号']],
    ["a space forgotten", file("title:第1号\n"), ['x.md:2:1  invalid YAML in front matter: there is no space after "title:", so YAML reads no field here; type a space after the colon: title: 第1号']],
    [
      "a list of three under a field with a value, said once",
      "---\ntitle: 第1号\n- a\n- b\n- c\nissue: 1\ndate: 2011-07-01\n---\n",
      ['x.md:3:1  invalid YAML in front matter: this line is a list item ("- "), but "title" above it has its value on its own line, so the list belongs to no field; a list goes under a field with nothing after its colon (tags:), its items indented; if the line is the issue\'s text, move it below the closing ---'],
    ],
    ["a list item above the fields", file("  - pacemaker\ntitle: 第1号\n"), ["x.md:2:1  invalid YAML in front matter: the front matter starts with a list item (- pacemaker), so YAML reads it all as one list and none of the fields below it; delete the line, or move it under the field it belongs to (tags:), indented"]],
    ["a mark before a field's name", file("title: 第1号\n*tags: [pacemaker]\n"), ['x.md:3:1  invalid YAML in front matter: the field name "*tags" starts with "*", which YAML does not read as part of a name; type the name alone: tags: [pacemaker]']],
    [
      "a line under an empty field, starting with a mark, is not offered as its value",
      "---\nauthors:\n* - 山田\ntitle: 第1号\nissue: 1\ndate: 2011-07-01\n---\n",
      ['x.md:3:1  invalid YAML in front matter: this line is not a field ("name: value"), so YAML cannot read it; if it is the issue\'s text, move it below the closing ---'],
    ],
    ["a line of ...", "---\ntitle: 第1号\n...\nissue: 1\ndate: 2011-07-01\n---\n", ['x.md:3:1  invalid YAML in front matter: a line of "..." ends YAML\'s reading of the front matter, so the fields below it would not be read; delete the line']],
    ["a directive", file("%YAML 1.2\ntitle: 第1号\n"), ['x.md:2:1  invalid YAML in front matter: a line starting with "%" is a YAML directive, which front matter cannot hold; delete the line']],
    ["a list closed twice", file("title: 第1号\ntags: [a, b]]\n"), ['x.md:3:13  invalid YAML in front matter: the value of "tags" closes with "]" once more than it opens; delete the last "]"']],
    ["two commas", file("title: 第1号\ntags: [a,, b]\n"), ["x.md:3:10  invalid YAML in front matter: a list here has two commas with no item between them; delete one"]],
    ["an escape", file('title: "C:\\temp\\q"\n'), ["x.md:2:16  invalid YAML in front matter: inside double quotes a backslash starts an escape, and \"\\q\" is none; write \\\\ for a backslash, or single quotes, which keep backslashes as typed: title: 'C:\\temp\\q'"]],
    [
      "three slips in one file, all at once",
      "---\ntitle: 注意: 再起動\nsummary: @x\n本文\ndate: 2011-07-01\nissue: 1\n---\n",
      [
        'x.md:2:8  invalid YAML in front matter: the value of "title" contains ": ", which YAML reads as the start of another field; put the whole value in quotes: title: "注意: 再起動"',
        'x.md:3:10  invalid YAML in front matter: the value of "summary" starts with "@", which YAML does not allow at the start of a value written without quotes; put the whole value in quotes: summary: "@x"',
        'x.md:4:1  invalid YAML in front matter: this line is not a field ("name: value"), so YAML cannot read it; if it is the issue\'s text, move it below the closing ---',
      ],
    ],
  ])("%s", (_name, text, expected) => {
    expect(messages(text)).toEqual(expected);
  });
});

describe("the quoted line a message gives reads as the text typed", () => {
  it.each([
    ["title", "- x"],
    ["tags", "- a"],
    ["title", '"Pacemaker" リリース'],
    ["title", "'It's' 第1号"],
    ["title", "[draft] 第1号"],
    ["title", "{x} 第1号"],
    ["title", "@tanaka さんの話"],
    ["title", "`x` 入門"],
    ["title", "%x 第1号"],
    ["title", ", x"],
    ["title", "? x"],
    ["title", "* x"],
    ["title", "& x"],
    ["title", "|x"],
    ["title", "| 第1号"],
    ["title", "> 第1号"],
    ["summary", '"第1号"#特集'],
  ])("%s: %s", (key, value) => {
    const text = `---\n${key}: ${value}\n${FIELDS}---\n\n本文。\n`;
    const said = messages(text);
    expect(said).toHaveLength(1);
    // The place: the value's first character on line 2 (written by hand: after "key: "), or for a "#" after the quote, that "#".
    const column = value.includes("#") ? key.length + 2 + value.indexOf("#") + 1 : key.length + 3;
    expect(said[0]).toMatch(new RegExp(`^x\\.md:2:${column}  `));
    const fix = /put the whole value in quotes: (.*?)(?:; or, .*)?$/.exec(said[0] ?? "")?.[1];
    expect(fix, said[0]).toBeDefined();
    const fixed = text.replace(`${key}: ${value}`, fix ?? "");
    expect(messages(fixed)).toEqual([]);
    expect((matter(fixed).data as Record<string, unknown>)[key]).toBe(value);
  });
});

describe("gekkan build on slips saved with CRLF and a BOM", () => {
  let site: TempDir | undefined;
  afterEach(() => site?.remove());

  it("says each in plain words at its line, every file at once, exit 1 and no stack", async () => {
    const dir = "content/issues/2011";
    site = tempSite({
      [`${dir}/2011-05.md`]: "---\r\ntitle: 第1号\r\n本文の書き出し\r\ndate: 2011-05-01\r\nissue: 1\r\n---\r\n\r\n本文\r\n",
      [`${dir}/2011-06.md`]: "\ufeff---\ntitle: - x\nissue: 2\ndate: 2011-06-01\n---\n\n本文\n",
      [`${dir}/2011-07.md`]: "\ufeff---\r\ntitle: [draft] 第3号\r\nissue: 3\r\ndate: 2011-07-01\r\n---\r\n\r\n本文\r\n",
    });
    const run = await buildInProcess(site.path);
    expect(run.code).toBe(1);
    expect(run.stderr.join("\n").split("\n").filter((line) => line.startsWith(dir))).toEqual([
      `${dir}/2011-05.md:3:1  invalid YAML in front matter: this line is not a field ("name: value"), so YAML cannot read it; if it goes on with the value of "title" above, indent it by two spaces; if it is the issue's text, move it below the closing ---`,
      `${dir}/2011-06.md:2:8  invalid YAML in front matter: the value of "title" starts with "- ", which YAML reads as a list item, and a list cannot start on its field's line; put the whole value in quotes: title: "- x"; or, for a list, leave "title:" with nothing after it and write each item on a line of its own below it, indented by two spaces: - x`,
      `${dir}/2011-07.md:2:8  invalid YAML in front matter: the value of "title" starts with "[", which YAML reads as a list up to its "]", and nothing may follow that; put the whole value in quotes: title: "[draft] 第3号"`,
    ]);
    expect(run.stderr.join("\n")).not.toMatch(/^\s+at /m);
  });
});
