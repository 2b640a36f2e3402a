import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../diagnostics.js";
import { folderCaseReason, nameInOtherCase } from "../name-case.js";

const AT = { line: 1, column: 1 };

/**
 * A site's templates that only a file system ignoring case puts to use:
 * a templates folder in other case (Templates/), or a template meant to
 * replace one of gekkan's whose name differs from it only in case
 * (templates/Index.liquid for index.liquid). On macOS and Windows the
 * author's build used it; on Linux, where CI builds, the site came out with
 * gekkan's own template instead, and without a word. `names`: each
 * template folder's .liquid names (effectiveTemplates), the site's first
 * when it has one, gekkan's last.
 */
export function templateCaseProblems(root: string, names: readonly string[][]): VFileMessage[] {
  const misnamed = nameInOtherCase(root, ["templates"]);
  if (misnamed !== undefined) return [diagnostic(misnamed.found, folderCaseReason(misnamed.meant, "your own templates, with gekkan's instead"), AT, "template")];
  const theirs = names.length > 1 ? names[0] : undefined;
  const gekkans = names.at(-1);
  if (theirs === undefined || gekkans === undefined) return [];
  const byFolded = new Map(gekkans.map((name) => [name.toLowerCase(), name]));
  const messages: VFileMessage[] = [];
  for (const name of theirs) {
    const meant = byFolded.get(name.toLowerCase());
    if (meant === undefined || meant === name || theirs.includes(meant)) continue;
    const reason = `gekkan's template of this name is templates/${meant}, in lower case: macOS and Windows use this file for it, but Linux (where CI builds and most hosts run) does not, and builds the site with gekkan's own; rename it to templates/${meant} with git mv (git on macOS and Windows does not see a rename that changes only case)`;
    messages.push(diagnostic(`templates/${name}`, reason, AT, "template"));
  }
  return messages;
}
