import { existsSync, readdirSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { basename, dirname, join, resolve } from "node:path";
import { ContentError, formatDiagnostic, UsageError } from "./diagnostics.js";
import { plural } from "./plural.js";
import { didYouMean } from "./suggest.js";
import { COMMAND_FLAGS, commandsTaking, type CommandName } from "./command-flags.js";
import { isFolder } from "./file-tree.js";

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, content: 1, usage: 2, bug: 70 } as const;

export { UsageError } from "./diagnostics.js";

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /**
   * The folder the command runs in: printed file names are given from it
   * (names-from-here.ts). None for output captured in memory, which sees
   * names as the site gives them, from its root.
   */
  here?: string | undefined;
}

/**
 * A line to a standard stream, unless its reader has gone: `gekkan build |
 * head -1` or `gekkan --help | less` quit early. Node reports that as an
 * "error" event (EPIPE), which, unheard, ended gekkan with a stack trace in
 * the middle of its work. The command goes on and ends as it would have; only
 * its output is lost, as the reader chose. Any other stream error still ends
 * the run as a bug.
 */
function writeLine(stream: NodeJS.WriteStream, line: string): void {
  if (gone.has(stream)) return;
  if (!heard.has(stream)) {
    heard.add(stream);
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (!readerGone(error)) throw error;
      gone.add(stream);
    });
  }
  stream.write(`${line}\n`);
}

/** A write failed because the stream's reader has gone: the pipe closed (EPIPE), or it was destroyed by that already. */
export function readerGone(error: NodeJS.ErrnoException): boolean {
  return error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED";
}

const heard = new WeakSet<NodeJS.WriteStream>();
const gone = new WeakSet<NodeJS.WriteStream>();

export const processIo: Io = {
  out: (line) => writeLine(process.stdout, line),
  err: (line) => writeLine(process.stderr, line),
  get here() {
    try {
      return process.cwd();
    } catch {
      // The folder the shell is in was deleted: rootOf says so; names stay as the site gives them.
      return undefined;
    }
  },
};

/** Strict flag parsing: an unknown flag is a usage error, never ignored; a near miss gets "did you mean …?". */
export function parseFlags<C extends CommandName>(args: string[], command: C) {
  return parseCommandLine(args, command, false).values;
}

/** parseFlags for a command that also takes arguments of its own (`gekkan email ISSUE`). */
export function parseCommandLine<C extends CommandName>(args: string[], command: C, allowPositionals: boolean) {
  const options: (typeof COMMAND_FLAGS)[C] = COMMAND_FLAGS[command];
  const parsed = (() => {
    try {
      return parseArgs({ args, options, strict: true, allowPositionals });
    } catch (error) {
      throw new UsageError(flagProblem(error as Error, command));
    }
  })();
  const garbled = notUtf8(parsed.values, parsed.positionals);
  if (garbled !== undefined) throw new UsageError(garbled);
  return parsed;
}

/**
 * Node reads each argument as UTF-8 and turns every byte it cannot read into
 * U+FFFD, so `gekkan new --title 月刊` typed in a terminal set to Shift_JIS
 * wrote a draft titled "����" with exit 0, published once the draft was done.
 * Nobody types U+FFFD: an argument holding it is refused, naming it.
 */
function notUtf8(values: Record<string, unknown>, positionals: readonly string[]): string | undefined {
  const named = Object.entries(values).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((one) => [`--${name}`, one] as const));
  const found = [...named, ...positionals.map((one) => ["the argument", one] as const)].find(([, value]) => typeof value === "string" && value.includes("\uFFFD"));
  if (found === undefined) return undefined;
  const [name, value] = found;
  return `${name} ${JSON.stringify(value)} holds bytes that are not UTF-8 (shown as �): the terminal sends text in another encoding, such as Shift_JIS or EUC-JP; set it to UTF-8 (LANG=ja_JP.UTF-8, or the terminal's own setting) and run the command again`;
}

/** Node's parseArgs message, said the way gekkan's other messages are (lower case, with the fix). */
function flagProblem(error: Error, command: CommandName): string {
  const message = error.message.replace(/\. To specify a positional argument.*$/s, "");
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? "";
  const flag = quoted.replace(/ <value>$/, "");
  switch ((error as NodeJS.ErrnoException).code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${flag}${unknownFlagHint(flag, command)}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      // "--threads -1": the value starts with a dash, so Node cannot tell it from the next option.
      if (/argument is ambiguous/.test(message)) return `${flag} needs a value after it (${flag} VALUE); the word after it starts with a dash, so it reads as another option (a value that starts with a dash is written ${flag}=-…)`;
      return quoted.endsWith(" <value>") ? `${flag} needs a value after it (${flag} VALUE)` : `${flag} takes no value; write ${flag} alone`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument ${JSON.stringify(quoted)}: gekkan ${command} takes only options (a value belongs after its option, as in --root DIR)`;
    default:
      return message;
  }
}

/** What to say after "unknown option --x": the command that takes it, else a near miss among this command's own. */
function unknownFlagHint(flag: string, command: CommandName): string {
  const name = flag.replace(/^--?/, "");
  const others = flag.startsWith("--") ? commandsTaking(name, command) : [];
  if (others.length > 0) return `: ${flag} is an option of ${others.map((other) => `gekkan ${other}`).join(" and ")}, not of gekkan ${command}`;
  const own = Object.keys(COMMAND_FLAGS[command]).map((option) => `--${option}`);
  return didYouMean(flag.startsWith("--") ? flag : `-${flag}`, own, (option) => option);
}

/**
 * The site folder every command works in: --root, else the current folder.
 * It must already be a folder. Otherwise a mistyped --root was created by
 * build, dev and new and taken for an empty site (exit 0, an empty dist/),
 * so it is refused here, before any command writes anything.
 */
export function rootOf(value: unknown): string {
  const given = typeof value === "string";
  if (value === "") throw new UsageError('--root is empty; give the site folder, e.g. --root . (an unset shell variable, as in --root "$SITE", gives this too)');
  let root: string;
  try {
    root = resolve(given ? value : ".");
  } catch {
    // process.cwd() throws when the folder the shell is in has been deleted.
    throw new UsageError("the current folder no longer exists; cd into the site folder, or give --root DIR");
  }
  const problem = folderProblem(root);
  // gekkan init makes a missing folder and the site in it; "create the folder first" led only to "is not a gekkan site".
  const start = given && problem === "does not exist" ? `, or start a site there with gekkan init --root ${JSON.stringify(value)}` : "";
  if (problem !== undefined) throw new UsageError(`the site folder ${JSON.stringify(root)} ${problem}; ${given ? "check the --root path" : "cd into the site folder, or give --root DIR"}${start}`);
  const outer = enclosingSite(root);
  if (outer !== undefined) {
    const site = JSON.stringify(outer.site);
    const fix = given ? `give --root ${site}` : `cd ${site} first, or give --root ${site}`;
    throw new UsageError(`${given ? `the site folder ${JSON.stringify(root)}` : "the current folder"} is inside the ${outer.folder}/ folder of the site at ${site}, and would be taken for a new, empty site; ${fix}`);
  }
  return root;
}

/**
 * The site folder of a command that works on a site: rootOf's folder, which
 * must be a site (a config or content/issues/ in it). Without this, a build
 * run in the wrong folder said "built 0 issues" and left dist/ and a cache
 * there. `gekkan new` may also start a site in an empty folder.
 */
export function siteRootOf(value: unknown, options: { emptyStarts?: boolean } = {}): string {
  const root = rootOf(value);
  if (isSite(root) || (options.emptyStarts === true && readdirSync(root).length === 0)) return root;
  const given = typeof value === "string";
  const where = given ? `the site folder ${JSON.stringify(root)}` : "the current folder";
  const fix = given ? "check the --root path" : "cd into the site folder, or give --root DIR";
  const start = `gekkan init${given ? ` --root ${JSON.stringify(value)}` : ""}`;
  throw new UsageError(`${where} is not a gekkan site: it has no gekkan.config.json and no content/issues/; ${fix}, or start a site there with ${start}`);
}

/** Whether a folder is a site: it has a config or issues. */
function isSite(dir: string): boolean {
  return existsSync(join(dir, "gekkan.config.json")) || isFolder(join(dir, "content", "issues"));
}

/** A site's own folders: a command run in one of them (cd content/issues/2026, then gekkan new) means that site. */
const SITE_FOLDERS = new Set(["content", "public", "templates"]);

/**
 * The site whose content/, public/ or templates/ holds `root`, unless `root`
 * is a site of its own (a config or issues there). Without this, gekkan new
 * run from content/issues/2026 wrote content/issues/2026/content/issues/…
 * and printed a path that looked right, and build put a dist/ in there.
 */
function enclosingSite(root: string): { site: string; folder: string } | undefined {
  if (isSite(root) || existsSync(join(root, "package.json"))) return undefined;
  for (let child = root, parent = dirname(root); parent !== child; child = parent, parent = dirname(parent)) {
    if (SITE_FOLDERS.has(basename(child)) && isSite(parent)) return { site: parent, folder: basename(child) };
  }
  return undefined;
}

function folderProblem(path: string): string | undefined {
  try {
    return statSync(path).isDirectory() ? undefined : "is a file, not a folder";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a file stands where a folder on the way should be, so the folder does not exist either.
    return code === "ENOENT" || code === "ENOTDIR" ? "does not exist" : `cannot be read (${code ?? (error as Error).message})`;
  }
}

/** Content errors → one line each, `path:line:column  message`; no stack. */
export function reportContentError(error: ContentError, io: Io): number {
  for (const message of error.messages) io.err(formatDiagnostic(message));
  const count = error.messages.length;
  io.err(`\n${plural(count, "problem")} found; nothing was written.`);
  return EXIT.content;
}
