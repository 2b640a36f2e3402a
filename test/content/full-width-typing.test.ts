import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../src/content/front-matter.js";
import { formatDiagnostic } from "../../src/diagnostics.js";

function messages(text: string): string[] {
  const result = parseFrontMatter("x.md", text);
  return result.ok ? [] : result.messages.map((m) => formatDiagnostic(m).split("  ")[0] + "  " + m.reason.split(/[:;]/)[0]);
}

/**
 * A field typed with the input method still on (`title：`, `　issue:`) was
 * the only thing said about the front matter: a tab-indented line or an
 * unquoted `: ` beside it came one fix later. The front matter is now read
 * again as the messages say to type it, so its other mistakes come in the
 * same report; the retyped lines themselves are not named twice.
 */
describe("full-width typing in front matter, with other mistakes beside it", () => {
  it("a tab and an unquoted colon are said with the full-width colon and space", () => {
    const text = '---\ntitle： "全角"\n　issue: 1\ndate: 2011-04-01\n\ttags: [pacemaker]\nsummary: a: b\n---\n\n本文\n';
    expect(messages(text)).toEqual([
      'x.md:2:6  "title：" is typed with a full-width colon (：), so YAML reads no field here',
      'x.md:3:1  a full-width space (　) stands before "issue", so YAML reads another field name',
      "x.md:5:1  invalid YAML in front matter",
      "x.md:6:10  invalid YAML in front matter",
    ]);
    expect(parseFrontMatter("x.md", text)).toMatchObject({ messages: [{}, {}, { reason: expect.stringMatching(/indented with a tab/) }, { reason: expect.stringMatching(/put the whole value in quotes: summary: "a: b"$/) }] });
  });

  it("an indented field is named with its fix; a heading the front matter took in is named as such", () => {
    expect(messages('---\ntitle： "全角"\nissue: 1\ndate: 2011-04-01\n  draft: true\n---\n\n本文\n')).toEqual([
      'x.md:2:6  "title：" is typed with a full-width colon (：), so YAML reads no field here',
      'x.md:5:1  "draft" is indented, so YAML does not read it as a field of its own',
    ]);
    expect(messages('---\ntitle： "全角"\nissue: 1\ndate: 2011-04-01\n\n# 今月の話題\n\n本文です。\n\n---\n\n続き\n')).toEqual([
      'x.md:2:6  "title：" is typed with a full-width colon (：), so YAML reads no field here',
      "x.md:6:1  front matter is never closed before the issue's text",
    ]);
  });

  it("alone, or after a full-width closing line (no telling where the fields end), it is all that is said", () => {
    expect(messages('---\ntitle： "全角"\nissue: 1\ndate: 2011-04-01\n---\n\n本文\n')).toHaveLength(1);
    expect(messages('---\ntitle： "全角"\nissue: 1\nーーー\n\n本文: です: ね\n---\n')).toEqual([
      'x.md:2:6  "title：" is typed with a full-width colon (：), so YAML reads no field here',
      'x.md:4:1  "ーーー" is typed with full-width dashes, so it does not close the front matter',
    ]);
  });
});
