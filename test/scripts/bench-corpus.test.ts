import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, REPO, runCli } from "../helpers/run-cli.js";
import { tempDir, type TempDir } from "../helpers/temp-site.js";

/**
 * The bench measures what a real series costs to build, so its corpus must
 * be one a real series could be: gekkan itself is the judge. A corpus that
 * made warnings (a translation whose blocks state other facts than its
 * original's) had every bench build make, record and print thousands of them.
 */
describe("the bench corpus", () => {
  let work: TempDir;
  beforeAll(() => {
    ensureCompiled();
    work = tempDir("bench corpus ");
    execFileSync(process.execPath, [join(REPO, "bench", "corpus.mjs"), "--issues", "60", "--out", work.path], { stdio: "ignore" });
  }, 300_000);
  afterAll(() => work.remove());

  it("has translations, and builds without a warning", async () => {
    const files = readdirSync(join(work.path, "content", "issues"), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".md"));
    const english = files.filter((file) => /^lang: en$/m.test(readFileSync(join(work.path, "content", "issues", file), "utf8")));
    expect(english.length).toBeGreaterThan(10);
    const run = await runCli(["build", "--root", work.path, "--no-cache", "--no-search", "--quiet"], { cwd: work.path, deadlineMs: 120_000 });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  }, 180_000);
});
