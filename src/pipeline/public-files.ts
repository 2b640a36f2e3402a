import { lstat, readFile } from "node:fs/promises";
import { join, sep } from "node:path";
import type { VFileMessage } from "vfile-message";
import { diagnostic, warning } from "../diagnostics.js";
import { listTree } from "../file-tree.js";
import type { OutputSet } from "../write/output.js";

/**
 * Copies `public/` verbatim. A public file at the path of a generated page is
 * an error (which one should win is the author's call, not ours); symlinks
 * are skipped, files and folders alike, so nothing outside the site leaks
 * into the output and a link loop cannot make the copy endless. A skipped
 * link is a warning: the author put it there to be published.
 */
export async function addPublicFiles(root: string, output: OutputSet): Promise<VFileMessage[]> {
  const dir = join(root, "public");
  let names: string[];
  try {
    names = listTree(dir, false);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const messages: VFileMessage[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const route = name.split(sep).join("/");
    const stat = await lstat(path);
    if (stat.isSymbolicLink()) {
      messages.push(warning(`public/${route}`, "this is a symbolic link, and gekkan does not copy links from public/ (one could lead outside the site); copy the file or folder in instead", { line: 1, column: 1 }, "public-link"));
    }
    if (!stat.isFile()) continue;
    const earlier = output.add(route, await readFile(path), `public/${route}`);
    if (earlier !== undefined) {
      messages.push(diagnostic(`public/${route}`, `this file would overwrite the generated ${earlier === "gekkan" ? "page" : earlier} at /${route}; rename or remove it`, { line: 1, column: 1 }, "public-collision"));
    }
  }
  return messages;
}
