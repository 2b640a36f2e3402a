import { existsSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Io } from "./cli-support.js";
import { readDiagnostic } from "./diagnostics.js";

/**
 * On GitHub Actions, each problem a command prints (`path:line:column
 * message`) is also written as a workflow command (`::error file=…,line=…,
 * col=…::message`), which the runner turns into an annotation: on the pull
 * request's changed file, at the line, and in the run's summary, so a
 * reviewer sees why CI failed without opening the log. The printed lines
 * stay as they are. Annotations go to standard error, as the problems do:
 * `gekkan email` writes the message itself to standard output.
 */
export function annotating(io: Io, command: string, root: string, env: NodeJS.ProcessEnv): Io {
  const workspace = resolve(env.GITHUB_WORKSPACE ?? ".");
  return {
    out: io.out,
    here: io.here,
    err(text) {
      io.err(text);
      for (const line of text.split("\n")) {
        const annotation = annotationOf(line, command, root, workspace);
        if (annotation !== undefined) io.err(annotation);
      }
    },
  };
}

/** Whether this process runs as a GitHub Actions step. */
export function onGithubActions(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_ACTIONS === "true";
}

/** The site folder a command line names (`--root DIR`, `--root=DIR`), else the current folder. */
export function rootArgument(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "--") break;
    if (arg === "--root") return args[i + 1] ?? ".";
    if (arg.startsWith("--root=")) return arg.slice("--root=".length);
  }
  return ".";
}

function annotationOf(line: string, command: string, root: string, workspace: string): string | undefined {
  const problem = readDiagnostic(line);
  if (problem === undefined) return undefined;
  const place = problem.line === undefined ? [] : [`line=${problem.line}`, `col=${problem.column ?? 1}`];
  const properties = [...place, `title=${property(`gekkan ${command}`)}`];
  // A file name in quotes held control characters and is not a path to point at.
  const file = problem.file.startsWith('"') ? undefined : workspaceFile(resolve(root, problem.file), workspace);
  // A problem in a flag (--base) or outside the repository is annotated without a place: the summary still shows it.
  if (file !== undefined) properties.unshift(`file=${property(file)}`);
  return `::${problem.warning ? "warning" : "error"} ${properties.join(",")}::${data(problem.reason)}`;
}

/**
 * A failure that is not at a place in a file (a usage error such as a bad
 * --base, a refused output folder), annotated without one: the run's
 * summary then says why the step failed, as it did when a bad --base was a
 * content error. Said after the line gekkan prints, as the others are.
 */
export function failureAnnotation(command: string, message: string): string {
  return `::error title=${property(`gekkan ${command}`)}::${data(message)}`;
}

/** The file as GitHub names it: from the repository's root, with "/". */
function workspaceFile(path: string, workspace: string): string | undefined {
  const inside = relative(workspace, path);
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside) || !existsSync(path)) return undefined;
  return inside.split(sep).join("/");
}

/** Escapes as @actions/core does: the message, then property values, which also end at ":" and ",". */
function data(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(text: string): string {
  return data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
