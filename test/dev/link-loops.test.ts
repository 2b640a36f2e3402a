import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";
import { ensureCompiled, REPO } from "../helpers/run-cli.js";

/**
 * `gekkan dev` on a site whose content/issues/ and public/ hold symbolic link
 * loops, at start-up and made while it runs: the real CLI in a child process
 * (so a hang, a spin or a crash is its own and can be measured and killed),
 * talked to over real HTTP. The oracle: the README's words for a loop, the
 * page the server answers with, and the process's CPU time from /proc.
 */
const DIR = "content/issues/2011";
const APRIL = issue({ title: "四月の号", issue: 1, date: "2011-04-01" });
// No search index: Pagefind's work after each build would blur the CPU measurement.
const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", authors: ["編集部"], search: false })}\n`;
const LOOP_ERRORS = [
  `${DIR}/a:1:1  this is a symbolic link that leads back to itself (a loop); remove the link or point it at the issue file`,
  `${DIR}/b:1:1  this is a symbolic link that leads back to itself (a loop); remove the link or point it at the issue file`,
  `${DIR}/up:1:1  this symbolic link points to a folder that contains it, which would be read forever (a loop); remove the link`,
];

let site: TempDir | undefined;
let dev: DevProcess | undefined;
afterEach(() => {
  dev?.child.kill("SIGKILL");
  dev = undefined;
  site?.remove();
  site = undefined;
});
beforeAll(() => ensureCompiled(), 300_000);

interface DevProcess {
  child: ChildProcess;
  output: () => string;
  /** Waits until the output after `from` (a length of output) holds `text`; returns the output's length then. */
  waitFor: (text: string, from?: number, timeoutMs?: number) => Promise<number>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startDev(root: string): DevProcess {
  const child = spawn(process.execPath, [join(REPO, "bin", "gekkan.js"), "dev", "--port", "0", "--no-cache"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const listeners = new Set<() => void>();
  const append = (chunk: string) => {
    output += chunk;
    for (const listener of listeners) listener();
  };
  child.stdout?.setEncoding("utf8").on("data", append);
  child.stderr?.setEncoding("utf8").on("data", append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) => child.on("exit", (code, signal) => ok({ code, signal })));
  const waitFor = (text: string, from = 0, timeoutMs = 20_000) =>
    new Promise<number>((ok, fail) => {
      const check = () => {
        const at = output.indexOf(text, from);
        if (at === -1) return;
        done();
        ok(at + text.length);
      };
      const timer = setTimeout(() => {
        done();
        fail(new Error(`no ${JSON.stringify(text)} within ${timeoutMs} ms; output:\n${output}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      void exited.then(() => {
        if (!listeners.has(check)) return;
        done();
        fail(new Error(`gekkan dev exited; output:\n${output}`));
      });
      check();
    });
  return { child, output: () => output, waitFor, exited };
}

/** CPU seconds the process has used (user + system), from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "").split(" ");
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after "pid (comm) ", in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Over two idle seconds, a server that is not spinning uses a small part of one core. */
async function expectIdle(pid: number): Promise<void> {
  const before = cpuSeconds(pid);
  await new Promise((wake) => setTimeout(wake, 2000));
  expect(cpuSeconds(pid) - before).toBeLessThan(0.5);
}

async function home(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, text: await response.text() };
}

function makeLoops(root: string): void {
  symlinkSync("b", join(root, DIR, "a"));
  symlinkSync("a", join(root, DIR, "b"));
  symlinkSync("..", join(root, DIR, "up"));
  // public/ copies no link; these two make 2^n paths for a watcher that follows links by name.
  symlinkSync("..", join(root, "public/site"));
  symlinkSync(".", join(root, "public/here"));
}

function removeLoops(root: string): void {
  for (const link of [`${DIR}/a`, `${DIR}/b`, `${DIR}/up`, "public/site", "public/here"]) rmSync(join(root, link));
}

async function stop(process: DevProcess): Promise<void> {
  process.child.kill("SIGTERM");
  const { code } = await process.exited;
  expect(code, process.output()).toBe(0);
  expect(process.output()).not.toMatch(/internal error|\n\s+at |ELOOP/);
}

const canMeasure = existsSync("/proc/self/stat");

describe.runIf(canMeasure)("gekkan dev with symbolic link loops", () => {
  it("at start-up: names the loops, keeps serving without spinning, and builds once they are removed", async () => {
    site = tempSite({ "gekkan.config.json": CONFIG, [`${DIR}/2011-04.md`]: APRIL, "public/own.txt": "own\n" });
    makeLoops(site.path);
    dev = startDev(site.path);
    await dev.waitFor("gekkan dev: serving ");
    const url = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(dev.output())?.[1] ?? "";
    for (const line of LOOP_ERRORS) expect(dev.output()).toContain(line);
    expect((await home(url)).status).toBeGreaterThan(0);
    await expectIdle(dev.child.pid ?? 0);
    const mark = dev.output().length;
    removeLoops(site.path);
    await dev.waitFor("gekkan dev: built 1 issue", mark);
    const page = await home(url);
    expect(page.status).toBe(200);
    expect(page.text).toContain("四月の号");
    await stop(dev);
  }, 60_000);

  it("made while it runs: names the loops, keeps the last good site, and recovers when they are removed", async () => {
    site = tempSite({ "gekkan.config.json": CONFIG, [`${DIR}/2011-04.md`]: APRIL, "public/own.txt": "own\n" });
    dev = startDev(site.path);
    await dev.waitFor("gekkan dev: serving ");
    const url = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(dev.output())?.[1] ?? "";
    let mark = dev.output().length;
    makeLoops(site.path);
    mark = await dev.waitFor("gekkan dev: still serving the last good build", mark);
    for (const line of LOOP_ERRORS) expect(dev.output()).toContain(line);
    const page = await home(url);
    expect(page.status).toBe(200);
    expect(page.text).toContain("四月の号");
    await expectIdle(dev.child.pid ?? 0);
    removeLoops(site.path);
    await dev.waitFor("\n", await dev.waitFor("errors fixed", mark));
    // No issue was saved for this fix: the line names none ("0 issues edited" read as if the fix were lost).
    expect(dev.output().slice(mark)).toMatch(/\ngekkan dev: errors fixed; full rebuild in \d+ ms \(\d+ pages? re-rendered\); \d+ files? changed\n/);
    expect((await home(url)).status).toBe(200);
    await stop(dev);
  }, 60_000);
});
