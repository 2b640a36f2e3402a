import { existsSync } from "node:fs";
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
 * The ` --root "…"` a command the author is told to run next needs to reach
 * `root` from where they are, or "" when they are in it: `gekkan init site`
 * then `gekkan new`, `gekkan new --root site` then `gekkan dev`.
 */
export function rootOption(here: string | undefined, root: string): string {
  return root === here ? "" : ` --root ${JSON.stringify(nameFromHere(here, root, "."))}`;
}

/** A word of a message that may be a file's name: it ends at a space, a quote, a bracket, a comma, a semicolon or a colon (`file:line`). */
const WORD = /(?<=^|[\s(])[^\s"'()[\],;:]+/g;

/**
 * `text` with each file it names in its words named by nameFromHere, as the
 * line's own file is: `also used by content/issues/2011/a.md:3`, `"url" in
 * gekkan.config.json`. A word is taken for a name only if it has a "/" or a
 * "." and is something under the site root, so a version (1.0.11), a URL
 * path (/issues/…, never a name: those are root-relative without a "/" in
 * front) or a word of prose stays; quoted text is the author's own (a link
 * as written) and stays too.
 */
export function namesInTextFromHere(here: string, root: string, text: string): string {
  return text.replace(WORD, (word) => {
    const name = word.replace(/\.+$/, "");
    if (!/[/.]/.test(name) || name.startsWith(".") || isAbsolute(name) || !existsSync(resolve(root, name))) return word;
    const folder = name.endsWith("/") ? "/" : "";
    return `${nameFromHere(here, root, name.replace(/\/+$/, ""))}${folder}${word.slice(name.length)}`;
  });
}

/**
 * `io`, with every line a command prints to standard error naming its files
 * from the current folder (see nameFromHere): a problem line's own file
 * (`path:line:column message`), and any file named in the words of it or
 * of another line (namesInTextFromHere). The commands keep printing names
 * from the site root: where the author stands is the terminal's business,
 * not the site's. A GitHub annotation (`::error file=…`) is left as it is:
 * it names files from the repository, for GitHub.
 */
export function namingFromHere(io: Io, root: string): Io {
  const { here } = io;
  if (here === undefined || resolve(here) === resolve(root)) return io;
  const rename = (line: string): string => {
    if (line.startsWith("::")) return line;
    const problem = readDiagnostic(line);
    if (problem === undefined) return namesInTextFromHere(here, root, line);
    const name = nameFromHere(here, root, problem.file);
    return `${name === problem.file ? line.slice(0, problem.file.length) : displayName(name)}${namesInTextFromHere(here, root, line.slice(problem.file.length))}`;
  };
  return { out: io.out, err: (text) => io.err(text.split("\n").map(rename).join("\n")), here };
}
