import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

/**
 * Issue 2 dated before issue 1 (both originals) was reported by nothing but
 * `gekkan new --date`: one of the two is a typo. gekkan check and gekkan
 * build warn, naming both files and the fix, and still succeed. The oracle
 * is the line written out here (the date is line 4 of each file below).
 */
describe("issue numbers that do not follow the dates are a warning", () => {
  let site: TempDir | undefined;
  beforeAll(() => ensureCompiled(), 300_000);
  afterEach(() => site?.remove());

  const FIRST = "content/issues/2026/2026-12.md";
  const SECOND = "content/issues/2026/2026-11.md";
  // 2027-01-01: both issues are in the past, so both are published.
  const env = { SOURCE_DATE_EPOCH: "1798761600" };
  const files = {
    [FIRST]: issue({ title: "12月号", issue: 1, date: "2026-12-01" }),
    [SECOND]: issue({ title: "11月号", issue: 2, date: "2026-11-01" }),
  };
  const WARNING = `${SECOND}:4:1  warning: issue 2 is dated 2026-11-01, before issue 1 (${FIRST}, dated 2026-12-01), so the issue numbers do not follow the dates; correct the date or the number in ${SECOND} or in ${FIRST}`;
  const STOP = 'gekkan: if you mean this, stop the warning in gekkan.config.json with "ignoreWarnings": ["issue-number-order"], or for one issue only in its front matter with ignoreWarnings: [issue-number-order]';

  it("gekkan build warns and builds", async () => {
    site = tempSite(files);
    const result = await runCli(["build", "--no-search", "--quiet"], { cwd: site.path, env, deadlineMs: 60_000 });
    expect(result.stderr.trimEnd().split("\n")).toEqual([WARNING, STOP]);
    expect(result.code).toBe(0);
    expect(existsSync(join(site.path, "dist", "index.html"))).toBe(true);
  });

  it("gekkan check warns and passes", async () => {
    site = tempSite(files);
    const result = await runCli(["check"], { cwd: site.path, env, deadlineMs: 60_000 });
    expect(result.code).toBe(0);
    expect(result.stderr.split("\n")).toContain(WARNING);
  });

  it("gekkan new --date before an issue notes it by the same rule, and builds then warn at the new issue", async () => {
    site = tempSite({ [FIRST]: files[FIRST] });
    const made = await runCli(["new", "--date", "2026-11"], { cwd: site.path, env, deadlineMs: 60_000 });
    expect(made.code).toBe(0);
    expect(made.stdout).toBe(`${SECOND}\n`);
    expect(made.stderr).toBe(`gekkan new: note: issue 2 is dated 2026-11-01, before issue 1 (${FIRST}, 2026-12-01), so the issue numbers will not follow the dates (gekkan build and gekkan check warn of it: issue-number-order); if this fills a gap on purpose, add ignoreWarnings: [issue-number-order] to its front matter; otherwise delete ${SECOND} and run gekkan new without --date\nnext: write the issue in it, over the example text and blocks, then remove draft: true to publish it; gekkan dev shows it as you write\n`);
    const checked = await runCli(["check"], { cwd: site.path, env, deadlineMs: 60_000 });
    expect(checked.stderr).toContain(`${SECOND}:4:1  warning: issue 2 is dated 2026-11-01, before issue 1 (${FIRST}, dated 2026-12-01)`);
  });

  it("numbers in date order: no warning", async () => {
    site = tempSite({ [FIRST]: issue({ title: "12月号", issue: 2, date: "2026-12-01" }), [SECOND]: issue({ title: "11月号", issue: 1, date: "2026-11-01" }) });
    const result = await runCli(["build", "--no-search", "--quiet"], { cwd: site.path, env, deadlineMs: 60_000 });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
  });
});
