import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../src/content/front-matter.js";
import { parseIssue } from "../../src/content/issue.js";
import { formatDiagnostic } from "../../src/diagnostics.js";

/**
 * A heading-shaped `#` line in front matter: a comment when the front matter
 * is closed where it should be, the issue's first heading when the closing
 * --- was forgotten. gray-matter (js-yaml) is the independent reader: on the
 * valid files it must see the same title and text, and on the broken ones
 * the fix the message gives must put the heading into the text it reads.
 */
const FIELDS = '---\ntitle: "5月号"\nissue: 2\ndate: 2011-05-01\n';

function messages(text: string): string[] {
  const result = parseFrontMatter("x.md", text);
  return result.ok ? [] : result.messages.map(formatDiagnostic);
}

/** The file with the --- the message asks for inserted after `line` (1-based). */
function fixed(text: string, line: number): string {
  const lines = text.split("\n");
  lines.splice(line, 0, "---");
  return lines.join("\n");
}

describe("comments in a front matter closed where it should be stay comments", () => {
  it.each([
    ["a heading-like comment under the last field, --- right after", `${FIELDS}# 今月の話題\n---\n\n本文。\n\n---\n\n続き。\n`],
    ["a comment above a field", `${FIELDS}# 今月の話題\nsummary: "概要"\n---\n\n本文。\n\n---\n\n続き。\n`],
    ["a comment inside a list field", '---\ntitle: "5月号"\nissue: 2\ntags:\n# 主なもの\n  - pacemaker\ndate: 2011-05-01\n---\n\n本文。\n'],
    ["a section comment after a blank line", '---\ntitle: "5月号"\nissue: 2\n\n# 公開設定\ndate: 2011-05-01\ndraft: false\n---\n\n本文。\n'],
    ["a comment over a commented-out field, then a blank line", `${FIELDS}\n# 公開前に戻す\n# draft: true\n---\n\n本文。\n`],
    ["commented-out fields under the last field, then text", `${FIELDS}# draft: true\n#tags: [pacemaker]\n---\n\n# 見出し\n\n---\n\n本文。\n`],
    ["a comment, a blank line and --- (no text under it to tell it from one)", `${FIELDS}# 今月の話題\n\n---\n\n本文。\n`],
  ])("%s", (_name, text) => {
    const result = parseFrontMatter("x.md", text);
    expect(result.ok ? [] : result.messages.map(formatDiagnostic)).toEqual([]);
    const oracle = matter(text);
    expect(result.ok && result.value.body).toBe(oracle.content);
    expect(result.ok && (result.value.data as { title: string }).title).toBe(oracle.data.title);
  });
});

describe("a heading directly under the last field, with the closing --- forgotten", () => {
  const read = "; the --- found further down was taken for it; YAML reads this heading as a comment, so it would be left out";
  it.each([
    ["text after a blank line, then a thematic break", `${FIELDS}# 今月の話題\n\n今月は Pacemaker 1.0.11 が出ました。\n\n---\n\n続き。\n`, 4, read],
    ["text right under it", `${FIELDS}# 今月の話題\n今月は Pacemaker 1.0.11 が出ました。\n\n---\n\n続き。\n`, 4, read],
    ["a link YAML cannot read right under it", `${FIELDS}# 今月の話題\n[Pacemaker](https://clusterlabs.org/) 1.0.11 が出ました。\n\n---\n\n続き。\n`, 4, read],
    ["a second-level heading under a commented-out field, which stays above the ---", `${FIELDS}# draft: true\n## 今月の話題\n\n今月は Pacemaker 1.0.11 が出ました。\n\n---\n\n続き。\n`, 5, read],
    ["no --- anywhere below", `${FIELDS}# 今月の話題\n今月は Pacemaker 1.0.11 が出ました。\n`, 4, ""],
  ])("%s: reported at the heading", (_name, text, last, suffix) => {
    const heading = text.split("\n").findIndex((line) => /^#+ 今月の話題/.test(line)) + 1;
    expect(messages(text)).toEqual([`x.md:${heading}:1  front matter is never closed before the issue's text: add a line containing only --- after the last field (line ${last})${suffix}`]);
    const after = matter(fixed(text, last));
    expect(after.content).toMatch(/^#+ 今月の話題\n/);
    expect(after.data).not.toHaveProperty("draft");
  });
});

describe("a Markdown list after a blank line that YAML adds to authors or tags, with the closing --- forgotten", () => {
  const closed = "; the --- found further down was taken for it";
  const list = "- Pacemaker 1.0.11 のリリース\n- Heartbeat 3.0.5 のリリース\n";

  it("items no component has a name like are the text: the --- goes above them", () => {
    const text = `${FIELDS}tags:\n- pacemaker\n\n${list}\n今月は二つの話題です。\n\n---\n\n続き。\n`;
    expect(messages(text)).toEqual([`x.md:8:1  front matter is never closed before the issue's text: add a line containing only --- after the last field (line 6)${closed}; YAML adds this list to "tags" above it`]);
    const after = matter(fixed(text, 6));
    expect(after.data.tags).toEqual(["pacemaker"]);
    expect(after.content).toMatch(/^\n- Pacemaker 1\.0\.11 のリリース\n/);
  });

  it("items with a sentence or a link are the text, also with no --- anywhere below", () => {
    const text = `${FIELDS}authors:\n- 山田\n\n- [Pacemaker](https://clusterlabs.org/) 1.1.6 が出ました。\n- Heartbeat 3.0.5 も出ました。\n\n今月は二つの話題です。\n`;
    expect(messages(text)).toEqual(["x.md:8:1  front matter is never closed before the issue's text: add a line containing only --- after the last field (line 6)"]);
    expect(matter(fixed(text, 6)).data.authors).toEqual(["山田"]);
  });

  it("items that may be names: both places for the --- are given, and each does what it says", () => {
    const text = `${FIELDS}authors:\n- 山田\n\n${list}\n今月は二つの話題です。\n\n---\n\n続き。\n`;
    expect(messages(text)).toEqual([`x.md:11:1  front matter is never closed before the issue's text: add a line containing only --- after the last field (line 9)${closed}; that keeps the list at line 8 in "authors": if it is part of the text, add the --- after line 6 instead`]);
    expect(matter(fixed(text, 9)).data.authors).toEqual(["山田", "Pacemaker 1.0.11 のリリース", "Heartbeat 3.0.5 のリリース"]);
    expect(matter(fixed(text, 6)).data.authors).toEqual(["山田"]);
  });

  it("with no text below to show the front matter unclosed, a list with a blank line inside is the field's", () => {
    const text = `${FIELDS}authors:\n- 山田\n\n- 佐藤\n---\n\n本文。\n`;
    const result = parseFrontMatter("x.md", text);
    expect(result.ok ? [] : result.messages.map(formatDiagnostic)).toEqual([]);
    expect(result.ok && (result.value.data as { authors: string[] }).authors).toEqual(matter(text).data.authors);
  });
});

describe("a Japanese-named field straight under the last field", () => {
  const field = `${FIELDS}概要: 今月は DRBD 8.4 の話題です。\n`;
  const unclosed = "x.md:5:1  front matter is never closed before the issue's text: add a line containing only --- after the last field (line 4)";

  it.each([
    ["a blank line before the --- taken for the closing line", `${field}\n---\n\nDRBD 8.4 が出ました。\n`, `${unclosed}; the --- found further down was taken for it; YAML reads this line as a field`],
    ["text right under it", `${field}DRBD 8.4 が出ました。\n\n---\n\n続き。\n`, `${unclosed}; the --- found further down was taken for it; YAML reads this line as a field`],
    ["no --- anywhere below", `${field}\nDRBD 8.4 が出ました。\n`, unclosed],
  ])("%s: the closing --- is missing above it", (_name, text, message) => {
    expect(messages(text)).toEqual([message]);
    const after = matter(fixed(text, 4));
    expect(after.data).not.toHaveProperty("概要");
    expect(after.content).toMatch(/^概要: 今月は/);
  });

  it.each([
    ["the --- right under it", `${field}---\n\n本文。\n`],
    ["a field under it", `${field}summary: "DRBD"\n---\n\n本文。\n`],
  ])("%s: an unknown field, as it may be one", (_name, text) => {
    const context = { components: ["drbd"], languages: ["ja"], defaultLang: "ja" };
    const result = parseIssue("x.md", Buffer.from(text, "utf8"), context);
    expect(result.ok ? [] : result.messages.map(formatDiagnostic)).toEqual([expect.stringMatching(/^x\.md:5:1  unknown front matter field "概要"/)]);
  });
});
