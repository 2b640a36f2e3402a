/**
 * Ctrl-C (SIGINT) or SIGTERM while `gekkan email --out FILE` writes. FILE
 * kept its old bytes (the message goes to a temp file, then a rename), but
 * Node ended the process at once and left `FILE.tmp-…` beside it. The temp
 * is now removed on the way out, and the process still ends by the signal.
 * gekkan runs as a real process; strace holds it, for a few seconds, at the
 * start of the write (the temp file's fchmod, which gives it FILE's
 * permissions), so the signal comes while the write is surely in progress,
 * however fast the disk; the operating system delivers the signal.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, REPO } from "../helpers/run-cli.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const CONFIG = `${JSON.stringify({ title: "テスト月刊", lang: "ja", url: "https://example.org/", email: { from: "月刊 <news@example.org>" } })}\n`;
const OLD = "From: an older message <old@example.org>\r\nSubject: old\r\n\r\nold\r\n";
const STACK = /^\s+at .+[:(]\d+/m;
/**
 * How long strace holds the write, in microseconds: far longer than the
 * test takes to see the temp file and signal. The process ends only once
 * it is let go, so each test takes about this long.
 */
const HOLD = 5_000_000;

beforeAll(() => ensureCompiled(), 300_000);

let dir: TempDir | undefined;
afterEach(() => dir?.remove());

/** The names in `folder` that are temp files of `file`. */
const tempsOf = (folder: string, file: string) => readdirSync(folder).filter((name) => name.startsWith(`${file}.tmp-`));

describe("gekkan email --out FILE, interrupted while it writes", () => {
  it.each(["SIGINT", "SIGTERM"] as const)("%s leaves no temp file and FILE's old bytes, and ends the process by the signal", async (signal) => {
    dir = tempSite({ "gekkan.config.json": CONFIG, "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }), "issue.eml": OLD });
    const gekkan = [process.execPath, join(REPO, "bin", "gekkan.js"), "email", "1", "--root", dir.path, "--no-cache", "--out", "issue.eml"];
    const tracer = spawn("strace", ["-f", "-o", "/dev/null", "-e", "trace=fchmod", "-e", `inject=fchmod:delay_enter=${HOLD}`, "--", ...gekkan], {
      cwd: dir.path,
      env: { ...process.env, SOURCE_DATE_EPOCH: "1325376000", GEKKAN_SMTP_URL: undefined },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    tracer.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => tracer.on("close", (code, signal) => done({ code, signal })));
    // The temp file is there: the write has begun, and strace holds it before its first byte.
    for (let waited = 0; tempsOf(dir.path, "issue.eml").length === 0; waited += 50) {
      if (waited > 60_000 || tracer.exitCode !== null) throw new Error(`the write never began: ${stderr}`);
      await sleep(50);
    }
    const pid = Number(readFileSync(`/proc/${tracer.pid}/task/${tracer.pid}/children`, "utf8").trim());
    process.kill(pid, signal);
    // strace ends as its tracee did: by the signal.
    expect(await ended).toEqual({ code: null, signal });
    expect(tempsOf(dir.path, "issue.eml")).toEqual([]);
    expect(readFileSync(join(dir.path, "issue.eml"), "utf8")).toBe(OLD);
    expect(stderr).not.toMatch(STACK);
  }, 90_000);
});
