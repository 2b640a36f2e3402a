import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ContentError, PlainError } from "./diagnostics.js";
import { EXIT, UsageError, processIo, reportContentError, type Io } from "./cli-support.js";
import { didYouMean } from "./suggest.js";
import { packageRoot } from "./package-root.js";
import { sourceDateEpoch } from "./build-time.js";
import { annotating, failureAnnotation, onGithubActions, rootArgument } from "./github-annotations.js";
import { namingFromHere } from "./names-from-here.js";
type Command = (args: string[], io: Io) => Promise<number>;

export interface CommandEntry {
  summary: string;
  /** Commands load on demand: `build` should not pay for dev's watcher and server. */
  load: () => Promise<{ run: Command; usage: string }>;
}

const commands = new Map<string, CommandEntry>([
  ["build", { summary: "build the site into dist/", load: async () => { const m = await import("./commands/build.js"); return { run: m.buildCommand, usage: m.buildUsage }; } }],
  ["dev", { summary: "serve the site with live reload while you write", load: async () => { const m = await import("./commands/dev.js"); return { run: m.devCommand, usage: m.devUsage }; } }],
  ["init", { summary: "start a new series: its config and folders", load: async () => { const m = await import("./commands/init.js"); return { run: m.initCommand, usage: m.initUsage }; } }],
  ["new", { summary: "start the next issue as a draft", load: async () => { const m = await import("./commands/new.js"); return { run: m.newCommand, usage: m.newUsage }; } }],
  ["check", { summary: "check links, anchors, images (and HTML) without writing", load: async () => { const m = await import("./commands/check.js"); return { run: m.checkCommand, usage: m.checkUsage }; } }],
  ["email", { summary: "write an issue as an email message, or send it over SMTP", load: async () => { const m = await import("./commands/email.js"); return { run: m.emailCommand, usage: m.emailUsage }; } }],
]);

export function version(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

export function usage(): string {
  const width = Math.max(...[...commands.keys()].map((k) => k.length));
  const list = [...commands].map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`).join("\n");
  return `gekkan ${version()}: a static site generator for numbered monthly newsletters

Usage: gekkan <command> [options]

Commands:
${list}

Options:
  -h, --help     show help (also: gekkan <command> --help)
  -v, --version  print the version

Exit codes: 0 ok, 1 content errors, 2 usage error, 70 internal bug,
130 and 143 a send stopped by Ctrl-C (SIGINT) or SIGTERM.`;
}

/** Runs the CLI and returns the exit code; never throws for author mistakes. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || !commands.has(first)) return run(first, rest, io);
  const root = rootArgument(rest);
  // Annotations read the lines as the command wrote them (named from the site root), before they are renamed for the terminal.
  const printed = namingFromHere(io, root);
  return run(first, rest, onGithubActions(process.env) ? annotating(printed, first, root, process.env) : printed);
}

async function run(first: string | undefined, rest: string[], io: Io): Promise<number> {
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    io.out(usage());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === "--version" || first === "-v") {
    io.out(version());
    return EXIT.ok;
  }
  const entry = commands.get(first);
  if (!entry) {
    const names = [...commands.keys()];
    const hint = first.startsWith("-") ? didYouMean(first, ["--help", "--version"], (s) => s) : didYouMean(first, names, (s) => s);
    io.err(`gekkan: unknown command or option "${first}"${hint}`);
    io.err(`usage: gekkan ${names.join("|")} [options]`);
    io.err("run `gekkan --help` for more");
    return EXIT.usage;
  }
  const command = await entry.load();
  try {
    // Every command reads "now" from it, dev on each rebuild: a malformed value stops the run here, before any work.
    if (!rest.includes("--help") && !rest.includes("-h")) sourceDateEpoch();
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof ContentError) return reportContentError(error, io);
    if (error instanceof PlainError || error instanceof UsageError) {
      io.err(`gekkan ${first}: ${error.message}`);
      if (onGithubActions(process.env)) io.err(failureAnnotation(first, error.message));
      if (error instanceof PlainError) return error.exitCode ?? EXIT.content;
      for (const line of [...synopsis(command.usage), `run \`gekkan ${first} --help\` for more`]) io.err(line);
      return EXIT.usage;
    }
    io.err(`gekkan: internal error — this is a bug in gekkan, please report it.\n${(error as Error).stack ?? String(error)}`);
    return EXIT.bug;
  }
}

/**
 * The usage lines of a command's help, up to its first blank line, to go
 * under a usage error: the whole help buried the one line that says what
 * was wrong under thirty lines of options.
 */
function synopsis(help: string): string[] {
  const end = help.indexOf("\n\n");
  const lines = (end === -1 ? help : help.slice(0, end)).split("\n");
  // "usage: " shifts the first line; a wrapped or second form keeps its column under it.
  return lines.map((line, index) => `${index === 0 ? "usage: " : "       "}${line}`);
}
