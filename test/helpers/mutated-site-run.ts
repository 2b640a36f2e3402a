import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repo } from "./site-copy.js";
import { tempDir, writeFiles, type TempDir } from "./temp-site.js";
import { applyMutation, CONFIG_FILE, ISSUE_DIR, type Files, type Mutation } from "./site-mutations.js";
import { yamlLibraryMessages } from "./yaml-library-words.js";

/**
 * Runs build, check and email on a mutated copy of the sample site, in this
 * process (the CLI's `main`, with captured lines), and says what broke the
 * promise every command makes: exit 0 or 1, no stack, every error located,
 * none in the yaml library's own words.
 */
export interface CommandRun {
  command: string;
  code: number;
  lines: string[];
  thrown?: unknown;
}

/** The sample site's issues and config, and public/ (the config names files in it); templates are gekkan's own. */
export function sampleFiles(): Files {
  const files: Files = new Map();
  for (const name of readdirSync(join(repo, ISSUE_DIR)).sort()) files.set(`${ISSUE_DIR}/${name}`, readFileSync(join(repo, ISSUE_DIR, name)));
  files.set(CONFIG_FILE, readFileSync(join(repo, CONFIG_FILE)));
  for (const name of ["favicon.svg", "images/share.png", "images/linux-ha-stack.png", "images/linux-ha-stack.svg"]) files.set(`public/${name}`, readFileSync(join(repo, "public", name)));
  return files;
}

export function mutatedSite(steps: readonly Mutation[]): TempDir {
  const files = sampleFiles();
  for (const step of steps) applyMutation(files, step);
  const dir = tempDir("mutated-");
  writeFiles(dir.path, Object.fromEntries(files));
  return dir;
}

/** One command through the CLI's `main`; what Node itself warns meanwhile (printed to the author's terminal beside gekkan's lines) is kept as a line too. */
async function runMain(command: string, args: string[]): Promise<CommandRun> {
  const { main } = await import("../../src/cli.js");
  const lines: string[] = [];
  const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(...line.split("\n")) };
  const warned = (warning: Error) => lines.push(`(node) ${warning.name}: ${warning.message}`);
  process.on("warning", warned);
  try {
    return { command, code: await main(args, io), lines };
  } catch (thrown) {
    return { command, code: -1, lines, thrown };
  } finally {
    // Node emits a warning on a later turn of the event loop.
    await new Promise((done) => setImmediate(done));
    process.off("warning", warned);
  }
}

/** build, then check and email on what is there: the commands an author runs on a site. */
export async function runCommands(root: string): Promise<CommandRun[]> {
  const build = await runMain("build", ["build", "--root", root, "--no-search", "--quiet"]);
  const check = await runMain("check", ["check", "--root", root]);
  // The message goes to a file: its bytes are not what is tested here, and standard output would hold a whole MIME message.
  const email = await runMain("email", ["email", "--root", root, "--out", join(root, "issue.eml")]);
  return [build, check, email];
}

/** An error line as the README promises: `path:line:column  message`, `path  message`, or gekkan's own words naming the command. */
const LOCATED = /^(\S.*?:\d+:\d+ {2}\S|\S.*? {2}\S|gekkan (build|check|email): \S)/;
/** What is printed besides the problems: the count, a hint on stopping a warning kind, blank lines. */
const SUMMARY = /^(\d+ problems? found; nothing was written\.|gekkan: if you mean th(is|ese), stop the warning|$)/;

/** The yaml library's own messages, which no author can act on: an issue's line holding one is a front-matter slip gekkan left unexplained. */
const YAML_WORDS = yamlLibraryMessages();
/** A line about an issue file (`….md:3:1  …`): only there is YAML read (the config is JSON, whose parser words other messages). */
const ISSUE_LINE = /\.md:\d+:\d+ {2}/;

/** Every way the runs broke the promise, in words (none: they kept it). */
export function brokenPromises(runs: readonly CommandRun[]): string[] {
  const broken: string[] = [];
  for (const run of runs) {
    const library = run.lines.find((line) => ISSUE_LINE.test(line) && YAML_WORDS.some((pattern) => pattern.test(line)));
    if (library !== undefined) broken.push(`${run.command} printed the yaml library's own words: ${library}`);
    if (run.thrown !== undefined) broken.push(`${run.command} threw: ${String((run.thrown as Error).stack ?? run.thrown)}`);
    else if (run.code !== 0 && run.code !== 1) broken.push(`${run.command} exited ${run.code}:\n${run.lines.join("\n")}`);
    const stack = run.lines.find((line) => /^\s+at /.test(line) || line.includes("internal error"));
    if (stack !== undefined) broken.push(`${run.command} printed a stack (${stack}):\n${run.lines.join("\n")}`);
    const warning = run.lines.find((line) => line.startsWith("(node) "));
    if (warning !== undefined) broken.push(`${run.command}: Node printed a warning of its own: ${warning}`);
    if (run.code !== 1) continue;
    const unlocated = run.lines.filter((line) => !LOCATED.test(line) && !SUMMARY.test(line));
    if (unlocated.length > 0) broken.push(`${run.command} printed errors without a place:\n${unlocated.join("\n")}`);
  }
  return broken;
}

/** Block and template syntax left in a built page's text (outside code, scripts and styles), which a reader would see. */
export function leftoverSyntax(root: string): string[] {
  const dist = join(root, "dist");
  if (!existsSync(dist)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const html = readFileSync(join(entry.parentPath, entry.name), "utf8");
    const text = html.replace(/<(pre|code|script|style|textarea)\b[\s\S]*?<\/\1>/g, "").replace(/<[^>]*>/g, " ");
    const leftover = /:::|\{\{|\{%/.exec(text);
    if (leftover !== null) found.push(`${join(entry.parentPath, entry.name).slice(dist.length + 1)}: …${text.slice(Math.max(0, leftover.index - 60), leftover.index + 60)}…`);
  }
  return found;
}
