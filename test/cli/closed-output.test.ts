import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, REPO } from "../helpers/run-cli.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const STACK = /EPIPE|Unhandled 'error' event|^\s+at .+[:(]\d+/m;

/**
 * `gekkan build | head -1`, `gekkan --help | less` quit before gekkan is
 * done writing: its standard output is a pipe nobody reads any more. That
 * ended gekkan with Node's stack trace and exit 1, in the middle of its
 * work. The command must go on and end as it would have, its output lost
 * as the reader chose. The real CLI, in a child process whose stdout pipe
 * is closed before it writes (as `head` closes it once it has its lines),
 * from a folder whose path has a space and Japanese.
 */
function runUnread(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(REPO, "bin", "gekkan.js"), ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.destroy();
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((done) => child.on("close", (code) => done({ code, stderr })));
}

describe("standard output closed by its reader", () => {
  let dir: TempDir | undefined;
  beforeAll(() => ensureCompiled(), 300_000);
  afterEach(() => dir?.remove());

  it("gekkan --help ends quietly with 0", async () => {
    dir = tempSite({});
    const { code, stderr } = await runUnread(["--help"], dir.path);
    expect(stderr).not.toMatch(STACK);
    expect(code).toBe(0);
  });

  it("gekkan build still builds and publishes the site, and ends with 0", async () => {
    dir = tempSite({ "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }) });
    const { code, stderr } = await runUnread(["build", "--no-cache"], dir.path);
    expect(stderr).not.toMatch(STACK);
    expect(code).toBe(0);
    expect(existsSync(join(dir.path, "dist", "index.html"))).toBe(true);
    expect(existsSync(join(dir.path, "dist", "issues"))).toBe(true);
  });

  it("a content error still reaches standard error and exits 1", async () => {
    dir = tempSite({ "content/issues/2011/2011-04.md": "---\ntitle: 四月号\nissue: one\ndate: 2011-04-01\n---\n本文\n" });
    const { code, stderr } = await runUnread(["build"], dir.path);
    expect(stderr).toMatch(/2011-04\.md:3:\d+ +/);
    expect(stderr).not.toMatch(STACK);
    expect(code).toBe(1);
    expect(existsSync(join(dir.path, "dist"))).toBe(false);
  });
});
