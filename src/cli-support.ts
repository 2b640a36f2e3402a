import { parseArgs, type ParseArgsConfig } from "node:util";
import { resolve } from "node:path";
import { ContentError, formatDiagnostic } from "./diagnostics.js";
import { plural } from "./plural.js";
import { didYouMean } from "./suggest.js";

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, content: 1, usage: 2, bug: 70 } as const;

export class UsageError extends Error {
  override name = "UsageError";
}

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Strict flag parsing: an unknown flag is a usage error, never ignored; a near miss gets "did you mean …?". */
export function parseFlags<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, "");
    const unknown = /^Unknown option '(--?[^'=]+)/.exec(message)?.[1];
    const flags = Object.keys(options).map((name) => `--${name}`);
    throw new UsageError(unknown === undefined ? message : `${message}${didYouMean(unknown.startsWith("--") ? unknown : `-${unknown}`, flags, (flag) => flag)}`);
  }
}

export const commonFlags = {
  root: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export function rootOf(value: unknown): string {
  return resolve(typeof value === "string" ? value : ".");
}

/** Content errors → one line each, `path:line:column  message`; no stack. */
export function reportContentError(error: ContentError, io: Io): number {
  for (const message of error.messages) io.err(formatDiagnostic(message));
  const count = error.messages.length;
  io.err(`\n${plural(count, "problem")} found; nothing was written.`);
  return EXIT.content;
}
