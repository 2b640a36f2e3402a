import type { Dirent } from "node:fs";
import type { VFileMessage } from "vfile-message";
import { fileProblem } from "./source-problems.js";

/**
 * Names in one folder of content/issues that macOS and Windows take for one
 * name: they differ only in case (Foo.md and foo.md), or in how a letter
 * with a mark is written (が whole, or か + ゛). Linux holds both, and built
 * both issues; a checkout on macOS or Windows keeps one of them, and a build
 * from it leaves the other issue out. One message per later name, at it.
 * Dot-names are skipped, as the walk skips them.
 */
export function nameTwins(entries: readonly Dirent[], rel: string): VFileMessage[] {
  const first = new Map<string, string>();
  const messages: VFileMessage[] = [];
  // Folders and Markdown files: what else lies here is never read, and its twin costs no issue.
  const names = entries.filter((entry) => !entry.isFile() || /\.md$/i.test(entry.name)).map((entry) => entry.name);
  for (const name of names.filter((name) => !name.startsWith(".")).sort()) {
    const key = foldedName(name);
    const twin = first.get(key);
    if (twin === undefined) {
      first.set(key, name);
      continue;
    }
    messages.push(fileProblem(`${rel}/${name}`, `${rel}/${twin} has the same name but for ${twin.toLowerCase() === name.toLowerCase() ? "case" : "how its letters with marks are written (ガ whole, or カ + ゛)"}: macOS and Windows cannot hold both, so a checkout there keeps only one of them and a build from it leaves the other out; rename one of them`, "source-name-twin"));
  }
  return messages;
}

/** A name as macOS and Windows compare names: case and the form of marked letters left out. */
export function foldedName(name: string): string {
  return name.normalize("NFC").toLowerCase();
}
