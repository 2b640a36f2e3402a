import { readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * A file or folder of the site that gekkan reads by name (content/issues,
 * public, gekkan.config.json) written on disk in other case: "content/Issues" for content/issues, as
 * spelled there, with the name gekkan reads; undefined when it is spelled
 * right or not there at all. macOS and Windows open it by either name, so
 * the author's build finds it; Linux, where CI builds and most hosts run,
 * does not, and built the site without it (no issues at all) and without a
 * word. The names come from listing each folder, so the answer is the same
 * on every file system.
 */
export function nameInOtherCase(root: string, parts: readonly string[]): { found: string; meant: string } | undefined {
  const spelled = spelledPrefix(root, parts);
  const at = spelled.findIndex((name, i) => name !== parts[i]);
  return at < 0 ? undefined : { found: [...parts.slice(0, at), spelled[at]].join("/"), meant: parts.slice(0, at + 1).join("/") };
}

/** What to say at such a file or folder: `holds` names what the site would be built without. */
export function folderCaseReason(meant: string, holds: string, kind: "folder" | "file" = "folder"): string {
  // git mv, not a rename in the Finder: git on macOS and Windows does not see a rename that changes only case, so the repository would keep the old name.
  return `gekkan reads ${meant}${kind === "folder" ? "/" : ""}, in lower case, and this ${kind}'s name differs from it only in case: macOS and Windows open it all the same, but Linux (where CI builds and most hosts run) does not, and builds the site without ${holds}; rename it to ${meant} with git mv (git on macOS and Windows does not see a rename that changes only case)`;
}

/**
 * `parts` as spelled on disk under `root`, each name taken as written when
 * it is there and else in whatever case it is there ("images/Share.png" for
 * images/share.png): undefined when some name is not there in any case.
 */
export function spelledOnDisk(root: string, parts: readonly string[]): string | undefined {
  const spelled = spelledPrefix(root, parts);
  return spelled.length === parts.length ? spelled.join("/") : undefined;
}

/** The leading names of `parts` that are there in some case, as spelled on disk (from listing each folder, so the same on every file system). */
function spelledPrefix(root: string, parts: readonly string[]): string[] {
  let dir = root;
  const spelled: string[] = [];
  for (const part of parts) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      break;
    }
    const name = names.includes(part) ? part : names.find((other) => other.toLowerCase() === part.toLowerCase());
    if (name === undefined) break;
    spelled.push(name);
    dir = join(dir, name);
  }
  return spelled;
}
