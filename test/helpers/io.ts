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
