import type { Io } from "../../src/cli-support.js";

/** An Io that records what the CLI prints, line by line. */
export function captureIo(): Io & { stdout: string[]; stderr: string[]; all: () => string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    all: () => [...stdout, ...stderr].join("\n"),
  };
}

/** `gekkan build --root ROOT --no-search --quiet` in this process: its exit code and what it printed to standard error. */
export async function buildInProcess(root: string): Promise<{ code: number; stderr: string[] }> {
  const { main } = await import("../../src/cli.js");
  const io = captureIo();
  const code = await main(["build", "--root", root, "--no-search", "--quiet"], io);
  return { code, stderr: io.stderr };
}

/** `buildInProcess`, keeping only the lines placed in an issue's file (`content/…:line:column  …`): what an author is told of their text. */
export async function buildLocated(root: string): Promise<{ code: number; lines: string[] }> {
  const { code, stderr } = await buildInProcess(root);
  return { code, lines: stderr.filter((line) => line.startsWith("content/")) };
}

/** `gekkan check --root ROOT …` in this process: its exit code and every line it printed. */
export async function checkInProcess(root: string, ...args: string[]): Promise<{ code: number; lines: string[] }> {
  const { main } = await import("../../src/cli.js");
  const lines: string[] = [];
  const code = await main(["check", "--root", root, ...args], { out: (line) => lines.push(line), err: (line) => lines.push(line) });
  return { code, lines };
}
