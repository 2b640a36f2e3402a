import { readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * A folder of the site that gekkan reads by name (content/issues, public)
 * written on disk in other case: "content/Issues" for content/issues, as
 * spelled there, with the name gekkan reads; undefined when it is spelled
 * right or not there at all. macOS and Windows open it by either name, so
 * the author's build finds it; Linux, where CI builds and most hosts run,
 * does not, and built the site without it (no issues at all) and without a
 * word. The names come from listing each folder, so the answer is the same
 * on every file system.
 */
export function folderInOtherCase(root: string, parts: readonly string[]): { found: string; meant: string } | undefined {
  let dir = root;
  for (const [at, part] of parts.entries()) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return undefined;
    }
    if (names.includes(part)) {
      dir = join(dir, part);
      continue;
    }
    const other = names.find((name) => name.toLowerCase() === part.toLowerCase());
    if (other === undefined) return undefined;
    return { found: [...parts.slice(0, at), other].join("/"), meant: parts.slice(0, at + 1).join("/") };
  }
  return undefined;
}

/** What to say at such a folder: `holds` names what the site would be built without. */
export function folderCaseReason(meant: string, holds: string): string {
  // git mv, not a rename in the Finder: git on macOS and Windows does not see a rename that changes only case, so the repository would keep the old name.
  return `gekkan reads ${meant}/, in lower case, and this folder's name differs from it only in case: macOS and Windows open it all the same, but Linux (where CI builds and most hosts run) does not, and builds the site without ${holds}; rename it to ${meant} with git mv (git on macOS and Windows does not see a rename that changes only case)`;
}
