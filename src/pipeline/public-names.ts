import type { VFileMessage } from "vfile-message";
import { diagnostic, warning } from "../diagnostics.js";
import { windowsTrouble } from "../windows-name.js";
import { parentFolders } from "../write/output.js";

const AT = { line: 1, column: 1 };

/**
 * Names in public/ that are another name, or none, on some systems. On a
 * file system that ignores case (macOS and Windows, where authors build and
 * check out sites, and hosts that run on them) two names that differ only in
 * case are one file or folder. A public name that differs from one of
 * gekkan's only so is an error, as the same name is (placeClash in
 * public-files.ts): there one replaces the other, and which one depends on
 * the machine. Two public names that differ only in case are a warning:
 * Linux builds both, but a checkout on macOS or Windows keeps one, and a
 * host that ignores case serves one for both addresses. So is a name
 * Windows cannot hold (a ":" or "?", a dot or space at the end, con.png). A
 * public name is an address readers may have, so these stay warnings. One
 * message per name, at the first file under it.
 *
 * `generated`: gekkan's own files (before public/ was added); `published`:
 * the public files' paths, with "/".
 */
export function unportablePublicNames(generated: readonly string[], published: readonly string[]): VFileMessage[] {
  const ours = foldedNames(generated);
  const theirs = new Map<string, string>();
  const reported = new Set<string>();
  const messages: VFileMessage[] = [];
  for (const route of [...published].sort()) {
    for (const name of [...parentFolders(route), route]) {
      if (reported.has(name)) break;
      const folded = name.toLowerCase();
      const gekkans = ours.get(folded);
      const other = theirs.get(folded) ?? name;
      theirs.set(folded, other);
      const shown = (path: string) => `${path}${name === route ? "" : "/"}`;
      const trouble = windowsTrouble(name.slice(name.lastIndexOf("/") + 1));
      if (gekkans !== undefined && gekkans.name !== name) {
        messages.push(diagnostic(`public/${route}`, againstGekkan(shown(`public/${name}`), gekkans), AT, "public-collision"));
      } else if (trouble !== undefined) {
        messages.push(warning(`public/${route}`, `public/${shown(name)} ${trouble}: Linux and macOS publish it, but a checkout on Windows cannot hold it, and a host on Windows cannot serve it; rename it, and the links to it`, AT, "public-name"));
      } else if (gekkans === undefined && other !== name) {
        messages.push(warning(`public/${route}`, `public/${shown(other)} has the same name as public/${shown(name)} but for case: macOS and Windows cannot hold both (a checkout there keeps one of them), and a host that ignores case serves one for both addresses; rename one of them`, AT, "public-name"));
      } else continue;
      reported.add(name);
      break;
    }
  }
  return messages;
}

interface GekkanName {
  name: string;
  folder: boolean;
}

/** Every file and folder gekkan writes, by its name in lower case. */
function foldedNames(paths: readonly string[]): Map<string, GekkanName> {
  const names = new Map<string, GekkanName>();
  for (const path of paths) {
    names.set(path.toLowerCase(), { name: path, folder: false });
    for (const folder of parentFolders(path)) names.set(folder.toLowerCase(), { name: folder, folder: true });
  }
  return names;
}

function againstGekkan(publicName: string, gekkans: GekkanName): string {
  const theirs = gekkans.folder ? `makes a folder /${gekkans.name}/` : `writes /${gekkans.name}`;
  const bothFolders = gekkans.folder && publicName.endsWith("/");
  const one = bothFolders ? "folder" : gekkans.folder || publicName.endsWith("/") ? "name" : "file";
  const fix = bothFolders ? `move what it holds into public/${gekkans.name}/, or give the folder another name` : `rename or remove public/${publicName.slice("public/".length)}`;
  return `gekkan ${theirs}, a name that differs from ${publicName} only in case: on macOS and Windows, and on hosts that ignore case, the two are one ${one}, and which one a reader gets depends on the machine that built or checked out the site; ${fix}`;
}
