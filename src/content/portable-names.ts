import type { Dirent } from "node:fs";
import type { VFileMessage } from "vfile-message";
import { windowsTrouble } from "../windows-name.js";
import { fileProblem } from "./source-problems.js";

/**
 * Names in one folder of content/issues that Linux holds and other systems
 * do not, so a checkout there leaves issues out and a build from it
 * publishes without them: two names macOS and Windows take for one (they
 * differ only in case, Foo.md and foo.md, or in how a letter with a mark is
 * written, が whole or か + ゛), or a name Windows cannot hold (a ":" or
 * "?", a dot or space at the end, con.md). An issue's file name is in no
 * address, so renaming one costs readers nothing: each is an error, at the
 * name (the second of two). Folders and Markdown files only: nothing else
 * here is read. Dot-names are skipped, as the walk skips them.
 */
export function unportableNames(entries: readonly Dirent[], rel: string): VFileMessage[] {
  const first = new Map<string, string>();
  const messages: VFileMessage[] = [];
  const read = entries.filter((entry) => !entry.name.startsWith(".") && (!entry.isFile() || /\.md$/i.test(entry.name)));
  for (const entry of read.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const { name } = entry;
    const trouble = windowsTrouble(name);
    if (trouble !== undefined) {
      const left = entry.isDirectory() ? "the issues in it" : "this issue";
      messages.push(fileProblem(`${rel}/${name}`, `this name ${trouble}: Linux and macOS take it, but a checkout on Windows cannot, and leaves ${left} out; rename it`, "source-name-windows"));
    }
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
function foldedName(name: string): string {
  return name.normalize("NFC").toLowerCase();
}
