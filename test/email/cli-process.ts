/**
 * gekkan as a real process: compiled from src/ into a private copy of the
 * package (so parallel test files never race on lib/), run with its own
 * environment, stdout kept as bytes (a message is bytes, not lines).
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { tempDir, type TempDir } from "../helpers/temp-site.js";

const REPO = resolve(import.meta.dirname, "..", "..");

export interface CliRun {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

export interface CompiledCli {
  /** `cwd`: the folder it runs in (default: the tests'). */
  run(args: readonly string[], env?: Readonly<Record<string, string | undefined>>, cwd?: string): Promise<CliRun>;
  /** As run, with the process at hand while it runs (to signal it) and what it printed to standard error so far. */
  start(args: readonly string[], env?: Readonly<Record<string, string | undefined>>, cwd?: string): StartedCli;
  remove(): void;
}

export interface StartedCli {
  child: ChildProcess;
  stderr: () => string;
  done: Promise<CliRun & { signal: NodeJS.Signals | null }>;
}

export async function compileCli(): Promise<CompiledCli> {
  const work: TempDir = tempDir("cli ");
  const pkg = join(work.path, "gekkan");
  mkdirSync(pkg);
  for (const part of ["bin", "templates", "package.json"]) cpSync(join(REPO, part), join(pkg, part), { recursive: true });
  symlinkSync(join(REPO, "node_modules"), join(pkg, "node_modules"), "dir");
  await promisify(execFile)(process.execPath, [join(REPO, "node_modules", "typescript", "bin", "tsc"), "-p", join(REPO, "tsconfig.build.json"), "--outDir", join(pkg, "lib")]);
  // bin/gekkan.js runs the bundle made from that output.
  await promisify(execFile)(process.execPath, [join(REPO, "scripts", "bundle.mjs"), join(pkg, "lib")]);
  const cli = join(pkg, "bin", "gekkan.js");
  const start = (args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}, cwd?: string): StartedCli => {
    // Only what the test gives: no SMTP URL or epoch leaks in from the shell running the tests.
    const base: Record<string, string | undefined> = { ...process.env, GEKKAN_SMTP_URL: undefined, SOURCE_DATE_EPOCH: undefined, ...env };
    const clean = Object.fromEntries(Object.entries(base).filter((e): e is [string, string] => e[1] !== undefined));
    const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "pipe"], env: clean, cwd });
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
    const done = new Promise<CliRun & { signal: NodeJS.Signals | null }>((resolve, fail) => {
      child.on("error", fail);
      child.on("close", (code, signal) => resolve({ code, signal, stdout: Buffer.concat(out), stderr: err }));
    });
    return { child, stderr: () => err, done };
  };
  return {
    run: async (args, env = {}, cwd) => {
      const { code, stdout, stderr } = await start(args, env, cwd).done;
      return { code, stdout, stderr };
    },
    start,
    remove: () => work.remove(),
  };
}
