import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

/**
 * gekkan check stopped at the first content error, so a broken link in
 * another issue was found only after that error was fixed and check run
 * again. When the errors are in issues' own text, the rest of the site is
 * still built and its links checked; links into the issues left out are not
 * judged (their pages are missing only because of the errors reported).
 * When nothing can be built, check says the link checks were skipped.
 * The oracle is each message written out here.
 */
describe("gekkan check with content errors", () => {
  let site: TempDir | undefined;
  beforeAll(() => ensureCompiled(), 300_000);
  afterEach(() => site?.remove());

  const FIRST = "content/issues/2011/2011-04.md";
  const SECOND = "content/issues/2011/2011-05.md";
  const THIRD = "content/issues/2011/2011-07.md";
  const check = (root: string) => runCli(["check"], { cwd: root, deadlineMs: 60_000 });

  it("reports an issue's error and the broken links of the others, and does not call a link to that issue broken", async () => {
    site = tempSite({
      [FIRST]: issue({ title: "創刊号", issue: 1, date: "2011-04-01" }, "[次号](/issues/2011-05/) と [前の号](/issues/2011-03/)\n"),
      [SECOND]: issue({ title: "第2号", issue: 2, date: "2011-05-01" }, ':::relase{component="pacemaker" status="planned"}\n本文\n:::\n'),
      [THIRD]: issue({ title: "第3号", issue: 3, date: "2011-07-01" }, "[前号](/issues/2011-05/#top)\n"),
    });
    const result = await check(site.path);
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toEqual([
      `${FIRST}:7:26  broken link "/issues/2011-03/": nothing is published at /issues/2011-03/ — did you mean "/issues/2011-07/"?`,
      `${SECOND}:7:1  unknown block ":::relase" — did you mean :::release?`,
      expect.stringMatching(/^gekkan check: \d+ pages, \d+ links checked \(3 from Markdown\), drafts and scheduled issues included in \d+ ms: 2 errors, 0 warnings; 1 issue with errors left out, so links in and into it were not checked$/),
    ]);
  });

  it("leaves out an issue that still holds a placeholder in its title and gekkan new's example text, says both, and checks the rest", async () => {
    // Its front matter is read and valid: only what it says must not be published, like an unknown block in its text.
    site = tempSite({
      [FIRST]: issue({ title: "創刊号", issue: 1, date: "2011-04-01" }, "[前の号](/issues/2011-03/)\n"),
      [SECOND]: issue({ title: "第2号 {{ month }}", issue: 2, date: "2011-05-01" }, "今月のまえがきをここに書きます。見出しは ## から始めてください。\n"),
    });
    const result = await check(site.path);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      `${FIRST}:7:1  broken link "/issues/2011-03/": nothing is published at /issues/2011-03/`,
      `${SECOND}:2:8  title holds "{{ month }}", which looks like a template placeholder: gekkan fills in nothing in front matter, so readers would see the braces in the page, feeds and emails; write the real title (a draft may keep it: draft: true)`,
      `${SECOND}:7:1  this is still the example text from gekkan new; write the issue's own text here or delete the line before publishing (or keep draft: true)`,
      expect.stringMatching(/^gekkan check: \d+ pages, \d+ links checked \(1 from Markdown\), drafts and scheduled issues included in \d+ ms: 3 errors, 0 warnings; 1 issue with errors left out, so links in and into it were not checked$/),
    ]);
  });

  it("says the link checks were skipped when no page can be built", async () => {
    site = tempSite({
      [FIRST]: issue({ title: "創刊号", issue: 1, date: "2011-04-01" }, "[前の号](/issues/2011-03/)\n"),
      [SECOND]: issue({ title: "第2号", issue: 1, date: "2011-05-01" }),
    });
    const result = await check(site.path);
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines.at(-1)).toBe("gekkan check: the site does not build: 2 errors; link checks skipped: fix the errors above first");
    expect(result.stderr).not.toContain("broken link");
  });
});
