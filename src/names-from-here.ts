import { isAbsolute, resolve } from "node:path";
import type { Io } from "./cli-support.js";
import { displayName, readDiagnostic, siteFile } from "./diagnostics.js";

/**
 * A site file as a command prints it: from the folder the command runs in
 * when the file lies inside it, else its full path. Messages name files from
 * the site root (siteFile); run as `gekkan build --root site`, that name
 * (`content/issues/…`) is not a path from where the author is, so a
 * terminal or editor could not open it. Names that are not files (a flag
 * such as `--base`, a quoted name holding control characters) stay as they
 * are, as do full paths (gekkan's own files).
 */
export function nameFromHere(here: string | undefined, root: string, name: string): string {
  if (here === undefined || name === "" || name.startsWith("-") || name.startsWith('"') || isAbsolute(name)) return name;
  const path = resolve(root, name);
  // The rule messages name files by (siteFile), with the current folder for the site root; the folder itself keeps its name.
  return path === resolve(here) ? name : siteFile(here, path);
}

/**
 * `io`, with every problem line a command prints (`path:line:column
 * message`) naming its file from the current folder (see nameFromHere).
 * The commands keep printing names from the site root: where the author
 * stands is the terminal's business, not the site's.
 */
export function namingFromHere(io: Io, root: string): Io {
  const { here } = io;
  if (here === undefined) return io;
  const rename = (line: string): string => {
    const problem = line.startsWith("::") ? undefined : readDiagnostic(line);
    if (problem === undefined) return line;
    const name = nameFromHere(here, root, problem.file);
    return name === problem.file ? line : `${displayName(name)}${line.slice(problem.file.length)}`;
  };
  return { out: io.out, err: (text) => io.err(text.split("\n").map(rename).join("\n")), here };
}
