/**
 * `gekkan new` counts every issue file for the next number. A file whose
 * front matter reads but whose `issue:` is no whole number (quoted, as
 * `issue: "2"`, or missing) was counted out in silence, so the new issue
 * could take that file's number; only a broken front matter was named. Now
 * both are named, at the `issue:` line (or the file's first line when there
 * is none), as the README says. The compiled CLI, spawned from a folder
 * whose path has a space and Japanese, in a series started by gekkan init;
 * the oracle is the sentence written out here.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliSites } from "../helpers/cli-sites.js";
import { runCli } from "../helpers/run-cli.js";

const sites = cliSites();
const TAIL = "and counted without it: issue 2, the number it gave the new issue, may be this file's too; fix this file (gekkan check says how), then give the new issue another number if the two clash";

/** A series with issue 1 for 2025-11 and, for 2025-12, a file whose front matter holds `issueLine`. */
async function series(issueLine: string): Promise<string> {
  const work = sites.make({});
  expect((await runCli(["init", "連載 A", "--no-workflow"], { cwd: work.path })).code).toBe(0);
  const root = join(work.path, "連載 A");
  mkdirSync(join(root, "content/issues/2025"), { recursive: true });
  writeFileSync(join(root, "content/issues/2025/2025-11.md"), "---\ntitle: 十一月号\nissue: 1\ndate: 2025-11-01\n---\n\n本文。\n");
  writeFileSync(join(root, "content/issues/2025/2025-12.md"), `---\ntitle: 十二月号\n${issueLine}date: 2025-12-01\n---\n\n本文。\n`);
  return root;
}

describe("gekkan new beside a file whose issue number it cannot read", () => {
  it("names a quoted issue number at its line, as the number given may be that file's", async () => {
    const root = await series('issue: "2"\n');
    const run = await runCli(["new"], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("content/issues/2026/2026-01.md\n");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(`content/issues/2025/2025-12.md:3:1  warning: gekkan new could not read this file's issue: as a whole number, ${TAIL}`);
    expect(lines[1]).toMatch(/^next: /);
    expect(lines).toHaveLength(2);
  });

  it("names a file with no issue: line at its first line", async () => {
    const root = await series("");
    const run = await runCli(["new"], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n")[0]).toBe(`content/issues/2025/2025-12.md:1:1  warning: gekkan new could not read an issue number in this file (it has no issue: line), ${TAIL}`);
  });

  it("says nothing when every file's number reads", async () => {
    const root = await series("issue: 2\n");
    const run = await runCli(["new"], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^next: [^\n]*\n$/);
  });
});
