/**
 * `gekkan new` run again while the issue it last started is still untouched
 * (a newcomer who missed the printed path, or ran `$EDITOR "$(gekkan new)"`
 * again to open it) made the next month's issue in silence: two drafts and
 * a number used. It still makes it, but says so and how to undo it. Once
 * the draft has a word of the author's, or its draft: true is gone, nothing
 * is said: starting next month's issue early is ordinary. The compiled CLI,
 * spawned from a folder whose path has a space and Japanese, in a series
 * started by gekkan init; the oracle is the sentence written out here.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliSites } from "../helpers/cli-sites.js";
import { runCli } from "../helpers/run-cli.js";

const sites = cliSites();
const NOTE = "gekkan new: note: issue 1 (content/issues/2026/2026-01.md) is still the draft gekkan new started, not written in yet; this made issue 2, the next; if you meant to write issue 1, delete content/issues/2026/2026-02.md and open content/issues/2026/2026-01.md";

async function series(): Promise<string> {
  const work = sites.make({});
  expect((await runCli(["init", "連載 A", "--no-workflow"], { cwd: work.path })).code).toBe(0);
  const root = join(work.path, "連載 A");
  const first = await runCli(["new", "--title", "創刊号"], { cwd: root });
  expect(first.stdout).toBe("content/issues/2026/2026-01.md\n");
  return root;
}

describe("gekkan new while the last issue it started is untouched", () => {
  it("makes the next issue, and says the last one is untouched and how to go back to it, before the next step", async () => {
    const root = await series();
    const again = await runCli(["new"], { cwd: root });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe("content/issues/2026/2026-02.md\n");
    const lines = again.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(NOTE);
    expect(lines[1]).toMatch(/^next: /);
    expect(lines).toHaveLength(2);
  });

  it.each([
    ["a word written in it", (text: string) => text.replace(/\n\n/, "\n\n今月は創刊号です。\n\n")],
    ["draft: true removed", (text: string) => text.replace("draft: true\n", "")],
  ])("says nothing once it has %s", async (_, edit) => {
    const root = await series();
    const file = join(root, "content/issues/2026/2026-01.md");
    writeFileSync(file, edit(readFileSync(file, "utf8")));
    const again = await runCli(["new"], { cwd: root });
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^next: [^\n]*\n$/);
  });
});
