import { execFileSync, spawn, type SpawnOptions } from "node:child_process";
import { join, resolve } from "node:path";

export const REPO = resolve(import.meta.dirname, "..", "..");
const CLI = join(REPO, "bin", "gekkan.js");

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Milliseconds until the process ended (or was killed). */
  ms: number;
  /** True when the run had to be killed at the deadline. */
  timedOut: boolean;
}

/**
 * These cases hang or exhaust memory when they fail, so they run the real
 * CLI in a child process that can be killed, never in the test's own
 * process. `npm test` compiles lib/ (and the bundle bin/gekkan.js runs)
 * first; run alone, the suite compiles them when they are stale.
 */
export function ensureCompiled(): void {
  execFileSync(process.execPath, [join(REPO, "scripts", "compile-if-stale.mjs")], { cwd: REPO, stdio: "inherit" });
}

/** Runs `gekkan …args` and kills it (SIGKILL) after `deadlineMs`. */
export function runCli(args: readonly string[], options: { cwd: string; deadlineMs?: number; uid?: number; gid?: number; env?: Record<string, string>; onOutput?: (text: string, kill: () => void) => void } ): Promise<CliRun> {
  const deadline = options.deadlineMs ?? 30_000;
  const started = performance.now();
  return new Promise((ok, fail) => {
    const spawnOptions: SpawnOptions = { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, SOURCE_DATE_EPOCH: "1767225600", ...options.env } };
    if (options.uid !== undefined) spawnOptions.uid = options.uid;
    if (options.gid !== undefined) spawnOptions.gid = options.gid;
    const child = spawn(process.execPath, [CLI, ...args], spawnOptions);
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, deadline);
    const kill = () => child.kill("SIGTERM");
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      options.onOutput?.(stdout + stderr, kill);
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      options.onOutput?.(stdout + stderr, kill);
    });
    child.on("error", fail);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      ok({ code, signal, stdout, stderr, ms: performance.now() - started, timedOut });
    });
  });
}
