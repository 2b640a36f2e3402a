import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

/**
 * An issue with an error in its own text is left out and its error held;
 * a template error that shows only while pages are rendered (an undefined
 * variable, a filter that refuses its value) was then printed alone by
 * gekkan check, and gekkan build printed the issue's error alone: the other
 * came only once the first was fixed. Both must come in one run. The oracle
 * is each line written out here, from the inputs below.
 */
describe("a template error met while rendering comes with the held issues' errors", () => {
  let site: TempDir | undefined;
  beforeAll(() => ensureCompiled(), 300_000);
  afterEach(() => site?.remove());

  const GOOD = "content/issues/2011/2011-04.md";
  const BROKEN = "content/issues/2011/2011-05.md";
  // Both parse, so only rendering meets their errors; a page stops at its first, so each is in a template of its own.
  // Liquid places a filter's error at the "{{" (line 3, column 6 below) and an undefined variable at its name (column 8).
  const ISSUE_TEMPLATE = "<!DOCTYPE html>\n<title>x</title>\n<h1>{{ issue.titel }}</h1>\n";
  const INDEX_TEMPLATE = '<!DOCTYPE html>\n<title>x</title>\n<p>© {{ "now" | date: "%Y" }}</p>\n';
  const files = {
    [GOOD]: issue({ title: "創刊号", issue: 1, date: "2011-04-01" }),
    [BROKEN]: issue({ title: "第2号", issue: 2, date: "2011-05-01" }, ':::relase{component="pacemaker" status="planned"}\n本文\n:::\n'),
    "templates/issue.liquid": ISSUE_TEMPLATE,
    "templates/index.liquid": INDEX_TEMPLATE,
  };
  const ISSUE_ERROR = `${BROKEN}:7:1  unknown block ":::relase" — did you mean :::release?`;
  const FILTER_ERROR = 'templates/index.liquid:3:6  template error: "now" | date is the time of the build, which would make the same inputs build to different pages (and a cached page keep an old date); write the date or year itself, or use a date from the content, such as an issue\'s';
  const VARIABLE_ERROR = "templates/issue.liquid:3:8  template error: undefined variable: issue.titel — this is your own copy of gekkan's templates/issue.liquid, which it replaces; if you copied it from an earlier gekkan, gekkan's own writes issue.title there; compare it with gekkan's current one";

  it("gekkan check prints both, says the link checks were skipped, and exits 1", async () => {
    site = tempSite(files);
    const result = await runCli(["check"], { cwd: site.path, deadlineMs: 60_000 });
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      ISSUE_ERROR,
      FILTER_ERROR,
      VARIABLE_ERROR,
      "gekkan check: the site does not build: 3 errors; link checks skipped: fix the errors above first",
    ]);
    expect(result.stdout).toBe("");
  });

  it("gekkan build prints both, writes nothing, and exits 1", async () => {
    site = tempSite(files);
    const result = await runCli(["build", "--no-search"], { cwd: site.path, deadlineMs: 60_000 });
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toEqual([ISSUE_ERROR, FILTER_ERROR, VARIABLE_ERROR, "", "3 problems found; nothing was written."]);
    expect(existsSync(join(site.path, "dist"))).toBe(false);
  });
});
