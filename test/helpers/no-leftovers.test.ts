import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REPO } from "./run-cli.js";

/**
 * Tests that make a symbolic link beside their temp site (`…-link`, to reach
 * the site through a link) left it in `/tmp/gekkan tests/月刊 ニュース/`
 * after every run. These run them in a child vitest with a temp folder of
 * their own and look at what is left there: nothing may be, their sites
 * included. The oracle is the folder listing, not the tests' own cleanup.
 */
const FILES = ["test/cli/out-refusal.test.ts", "test/render/template-errors.test.ts"];

describe("tests that link to their site leave nothing behind", () => {
  let tmp: string | undefined;
  afterEach(() => {
    if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
  });

  it.each(FILES)("%s", async (file) => {
    tmp = mkdtempSync(join(tmpdir(), "gekkan-leftovers-"));
    const code = await vitest(file, tmp);
    expect(code).toBe(0);
    const awkward = join(tmp, "gekkan tests", "月刊 ニュース");
    expect(existsSync(awkward) ? readdirSync(awkward) : []).toEqual([]);
  }, 240_000);
});

/** `vitest run FILE` in a child process whose temp folder is `tmp`; its exit code. */
function vitest(file: string, tmp: string): Promise<number | null> {
  const bin = join(REPO, "node_modules", "vitest", "vitest.mjs");
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [bin, "run", file], { cwd: REPO, stdio: "ignore", env: { ...process.env, TMPDIR: tmp } });
    child.on("error", fail);
    child.on("exit", ok);
  });
}
