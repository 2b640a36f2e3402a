import { execFileSync } from "node:child_process";
import { appendFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { issue, type TempDir } from "../helpers/temp-site.js";
import { runCli } from "../helpers/run-cli.js";
import { cliSites } from "../helpers/cli-sites.js";

const APRIL = "content/issues/2011/2011-04.md";

let site: TempDir | undefined;
const sites = cliSites();

/**
 * A build reads the lock another build left (.dist-gekkan/lock) to see
 * whether that build still runs. A named pipe there made it wait forever,
 * and a folder stopped it with a stack trace (exit 70): neither is a lock
 * gekkan made, so the build stops in words, naming it.
 */
describe("a lock that is not a file", () => {
  it.each([["a named pipe", "named pipe, socket or device"], ["a folder", "folder"]])("%s is named, without a hang or a stack trace", async (what, words) => {
    site = sites.make({ [APRIL]: issue({ title: "4月号", issue: 1, date: "2011-04-01" }) });
    const build = () => runCli(["build", "--no-search"], { cwd: site!.path, deadlineMs: 20_000 });
    expect((await build()).code).toBe(0);
    // A change, so the build must write (an up-to-date output takes no lock).
    appendFileSync(join(site.path, APRIL), "追記。\n");
    const lock = join(site.path, ".dist-gekkan", "lock");
    if (what === "a named pipe") execFileSync("mkfifo", [lock]);
    else mkdirSync(lock);
    const run = await build();
    expect(run.timedOut, `still running; stderr:\n${run.stderr}`).toBe(false);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${JSON.stringify(lock)} is not a lock file gekkan made (it is a ${words}); remove it, then build again`);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    rmSync(lock, { recursive: true });
    expect((await build()).code).toBe(0);
  });
});
