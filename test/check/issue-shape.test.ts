import { afterEach, describe, expect, it } from "vitest";
import { runCheck } from "../../src/check/run-check.js";
import { generate } from "../../src/pipeline/generate.js";
import { formatDiagnostic } from "../../src/diagnostics.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const NOW = new Date("2011-06-15T00:00:00Z");
const FILE = "content/issues/2011/2011-05.md";

let site: TempDir | undefined;
afterEach(() => site?.remove());

/** check's warnings for a site of one issue, `text` being its file. */
async function warningsFor(text: string): Promise<string[]> {
  site = tempSite({ [FILE]: text });
  const report = await runCheck({ root: site.path, now: NOW });
  expect(report.errors.map(formatDiagnostic)).toEqual([]);
  return report.warnings.map(formatDiagnostic);
}

describe("gekkan check warns about an issue readers would find broken", () => {
  it("an issue with nothing below its front matter: a warning at the line where the text belongs", async () => {
    // Lines 1–5 are the front matter (---, title, issue, date, ---); the body starts on line 6.
    expect(await warningsFor("---\ntitle: 5月号\nissue: 1\ndate: 2011-05-01\n---\n")).toEqual([
      `${FILE}:6:1  warning: the issue has no text: its page shows only the title; write the issue below the front matter's closing ---`,
    ]);
  });

  it("blank lines only count as no text; one word is text", async () => {
    expect(await warningsFor(issue({ title: "5月号", issue: 1, date: "2011-05-01" }, "\n\n   \n"))).toHaveLength(1);
    site?.remove();
    expect(await warningsFor(issue({ title: "5月号", issue: 1, date: "2011-05-01" }, "本文。\n"))).toEqual([]);
  });

  it("a title wider than 120 columns (61 Japanese characters): a warning at the title's line with its width", async () => {
    const title = "あ".repeat(61);
    expect(await warningsFor(`---\nissue: 1\ndate: 2011-05-01\ntitle: ${title}\n---\n\n本文。\n`)).toEqual([
      `${FILE}:4:1  warning: the title is 122 columns wide (a Japanese character takes two): inbox lists, browser tabs and search results cut it short; keep it within 120 and put the rest in summary`,
    ]);
  });

  it("a title of exactly 120 columns (60 Japanese, or 120 Latin characters) passes", async () => {
    expect(await warningsFor(issue({ title: "あ".repeat(60), issue: 1, date: "2011-05-01" }, "本文。\n"))).toEqual([]);
    site?.remove();
    expect(await warningsFor(issue({ title: "a".repeat(120), issue: 1, date: "2011-05-01" }, "本文。\n"))).toEqual([]);
  });
});

describe("a heading 1 in an issue's text, where the title already is the page's heading 1", () => {
  const fields = { title: "5月号", issue: 1, date: "2011-05-01" };
  // issue() writes lines 1–5 as front matter and line 6 blank: the text starts on line 7.
  const second = (line: number, text: string) => `${FILE}:${line}:1  warning: "${text}" is a heading 1, a second one on the page: the issue's title is its heading 1, and headings in the text start at ##; write "## ${text}"`;

  it("# and === headings, also inside a block, are a warning at their line with the ## fix", async () => {
    const body = "# Pacemaker 1.0.11 リリース\n\n本文。\n\n今月の話題\n===\n\n:::qa{components=\"pacemaker\"}\n# 質問\n\n---\n\n答え。\n:::\n";
    expect(await warningsFor(issue(fields, body))).toEqual([second(7, "Pacemaker 1.0.11 リリース"), second(11, "今月の話題"), second(15, "質問")]);
  });

  it("quotes the heading as read, without a footnote's number, and its fix as typed, marks and note kept", async () => {
    const body = "# Pacemaker **1.0.11**[^1] #\n\n本文。\n\n[^1]: 注。\n";
    expect(await warningsFor(issue(fields, body))).toEqual([
      `${FILE}:7:1  warning: "Pacemaker 1.0.11" is a heading 1, a second one on the page: the issue's title is its heading 1, and headings in the text start at ##; write "## Pacemaker **1.0.11**[^1] #"`,
    ]);
  });

  it("a === heading with a footnote: its text after ##, without the number", async () => {
    const body = "今月の話題[^a]\n===\n\n[^a]: 注。\n";
    expect(await warningsFor(issue(fields, body))).toEqual([second(7, "今月の話題")]);
  });

  it("## headings, # in code and a #tag are not", async () => {
    expect(await warningsFor(issue(fields, "## 見出し\n\n```sh\n# crm_mon -1\n```\n\n#pacemaker の話。\n"))).toEqual([]);
  });

  it("the build reports it too, as a warning", async () => {
    site = tempSite({ [FILE]: issue(fields, "# 見出し\n") });
    const generated = await generate({ root: site.path, now: NOW, search: false, threads: 1 });
    expect(generated.warnings.map(formatDiagnostic)).toEqual([second(7, "見出し")]);
  });
});
