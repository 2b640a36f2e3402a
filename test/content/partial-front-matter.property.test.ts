import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseIssue, type IssueResult } from "../../src/content/issue.js";
import { formatDiagnostic } from "../../src/diagnostics.js";

/**
 * A field whose value YAML would take otherwise than it reads (`&`, `!`,
 * `*`, a `#` in a title) is refused at its place, and the file's other
 * fields are still checked in the same run. Oracle: the same file with
 * those values put in quotes, as the messages say to do, read again. Its
 * messages, less those on the quoted fields' own lines, must be exactly
 * the messages said beside the refused values; and the body goes on to be
 * checked in both or in neither.
 */
interface Value {
  text: string;
  /** The value in quotes, where `text` is refused as written. */
  quoted?: string;
}

const plain = (text: string): Value => ({ text });
const marked = (text: string, quoted: string): Value => ({ text, quoted });

const FIELDS: Record<string, Value[]> = {
  title: [plain("第1号"), plain('""'), plain("\"{{ title }}\""), marked("&速報 新リリース", '"&速報 新リリース"'), marked("第1号 #特集", '"第1号 #特集"'), marked("!x 第1号", '"!x 第1号"')],
  issue: [plain("1"), plain("一"), plain("-3"), plain('"1"'), marked("*n", '"*n"')],
  date: [plain("2011-05-01"), plain("2011-13-01"), plain("# 未定")],
  summary: [plain("要約"), plain("\"TODO {{ summary }}\""), marked("*nope", '"*nope"'), marked("&a 要約", '"&a 要約"')],
  tags: [plain("[drbd]"), plain("[nope]"), marked("[drbd, &x drbd]", '[drbd, "&x drbd"]'), marked("[drbd, *y]", '[drbd, "*y"]')],
  slug: [plain("Bad Slug"), plain("ok-slug")],
  draft: [plain("yes"), plain("true"), plain("false")],
  updated: [plain("2011-04-01"), plain("2011-06-01")],
  authors: [plain("[山田]"), marked("\n  - 山田 # 広報", '\n  - "山田 # 広報"')],
};

const field = (name: string) => fc.constantFrom(...FIELDS[name]!).map((value) => [name, value] as const);
const frontMatter = fc.tuple(
  fc.shuffledSubarray(Object.keys(FIELDS), { minLength: 1 }).chain((names) => fc.tuple(...names.map(field))),
  fc.constantFrom("本文です。\n", ":::release\n内容\n", "本文。\n\n> > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > 深すぎる\n"),
);

const CONTEXT = { components: ["drbd"], languages: ["ja"], defaultLang: "ja" };

function file(fields: ReadonlyArray<readonly [string, Value]>, body: string, quoted: boolean): string {
  const lines = fields.map(([name, value]) => `${name}: ${quoted ? (value.quoted ?? value.text) : value.text}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}`;
}

function said(result: IssueResult): string[] {
  return result.ok ? [] : result.messages.map(formatDiagnostic).sort();
}

function bodyChecked(result: IssueResult): string | undefined {
  return result.ok ? result.issue.body : result.body?.text;
}

describe("a value refused as written beside the file's other mistakes", () => {
  it("property: the other messages are those of the file with the refused values quoted", () => {
    fc.assert(
      fc.property(frontMatter, ([fields, body]) => {
        const refusedLines = new Set<number>();
        let line = 2;
        for (const [, value] of fields) {
          const height = value.text.split("\n").length;
          if (value.quoted !== undefined) for (let n = 0; n < height; n++) refusedLines.add(line + n);
          line += height;
        }
        const asWritten = parseIssue("x.md", Buffer.from(file(fields, body, false), "utf8"), CONTEXT);
        const asQuoted = parseIssue("x.md", Buffer.from(file(fields, body, true), "utf8"), CONTEXT);
        const onRefused = (message: string) => refusedLines.has(Number(/^x\.md:(\d+):/.exec(message)?.[1]));
        if (refusedLines.size === 0) {
          expect(said(asWritten)).toEqual(said(asQuoted));
          return;
        }
        expect(asWritten.ok).toBe(false);
        const refused = said(asWritten).filter(onRefused);
        // One message for each refused value, each at its own line.
        expect(refused.length).toBe(fields.filter(([, value]) => value.quoted !== undefined).length);
        expect(said(asWritten).filter((m) => !onRefused(m))).toEqual(said(asQuoted).filter((m) => !onRefused(m)));
        expect(bodyChecked(asWritten)).toBe(bodyChecked(asQuoted));
      }),
      { numRuns: 400 },
    );
  });
});
