import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import { join } from "node:path";
import type { VFileMessage } from "vfile-message";
import { CONFIG_FILE } from "../config-file.js";
import { isKeptOut } from "../kept-out.js";
import { folderCaseReason, nameInOtherCase } from "../name-case.js";
import { fileProblem, kindOf } from "./source-problems.js";
import { insideSite, realSiteRoot } from "./source-tree.js";

/** Folders of the site besides content/ that a build reads file by file. */
const READ_FOLDERS = ["templates", "public"] as const;

/**
 * Every file a build reads besides the issues, checked before anything
 * reads them: the config, package.json, and everything under templates/
 * and public/. A named pipe, socket or device there would block a read or
 * never end it, so each is a located error naming the file; links are
 * followed only while they stay inside the site (public/ skips links, as
 * it always has).
 */
export function siteFileProblems(root: string): VFileMessage[] {
  const realRoot = realSiteRoot(root);
  const problems = configFileProblems(root);
  for (const folder of READ_FOLDERS) {
    const notFolder = folderProblem(root, folder);
    if (notFolder === undefined) walk(realRoot, root, folder, folder === "templates", problems, 0);
    else problems.push(notFolder);
  }
  return problems;
}

const HOLDS: Record<(typeof READ_FOLDERS)[number], string> = {
  templates: "the site's own templates, each overriding gekkan's of the same name",
  public: "the files published as they are",
};

/** A file (or a loop of links) where templates/ or public/ should be: every reader would list it as a folder and fail. */
function folderProblem(root: string, folder: (typeof READ_FOLDERS)[number]): VFileMessage | undefined {
  let isFolder: boolean;
  try {
    const stats = statSync(join(root, folder), { throwIfNoEntry: false });
    if (stats === undefined) return undefined;
    isFolder = stats.isDirectory();
  } catch {
    isFolder = false;
  }
  return isFolder ? undefined : fileProblem(folder, `${folder} must be a folder holding ${HOLDS[folder]}; this is not a folder, so gekkan cannot read it: remove or rename it (without it, the site is built without ${folder === "templates" ? "templates of its own" : "files of its own"})`, "not-a-file");
}

/** The config and package.json alone (every command reads them). */
export function configFileProblems(root: string): VFileMessage[] {
  const realRoot = realSiteRoot(root);
  const misnamed = nameInOtherCase(root, [CONFIG_FILE]);
  // Gekkan.config.json: read on macOS and Windows; on Linux the site was built with the defaults, with only a warning.
  if (misnamed !== undefined) return [fileProblem(misnamed.found, folderCaseReason(misnamed.meant, 'its settings (with the title "gekkan" and the address http://localhost/ instead)', "file"), "config-file-case")];
  return [CONFIG_FILE, "package.json"].flatMap((name) => entryProblem(realRoot, join(root, name), name, true) ?? []);
}

function walk(realRoot: string, root: string, rel: string, followLinks: boolean, problems: VFileMessage[], depth: number): void {
  let names: string[];
  try {
    names = readdirSync(join(root, rel)).sort();
  } catch {
    return;
  }
  for (const name of names) {
    // Emacs's lock (.#x) leads nowhere while a file has unsaved changes: no reader looks at it, so neither does this check.
    if (isKeptOut(name)) continue;
    const file = `${rel}/${name}`;
    const stats = lstatSync(join(root, file), { throwIfNoEntry: false });
    if (stats === undefined) continue;
    if (stats.isDirectory()) {
      if (depth < 32) walk(realRoot, root, file, followLinks, problems, depth + 1);
      continue;
    }
    if (stats.isSymbolicLink() && !followLinks) continue;
    const problem = entryProblem(realRoot, join(root, file), file, followLinks);
    if (problem !== undefined) problems.push(problem);
  }
}

/** Why `path` cannot be read as a file of the site, or undefined when it can (or does not exist). */
function entryProblem(realRoot: string, path: string, file: string, followLinks: boolean): VFileMessage | undefined {
  const own = lstatSync(path, { throwIfNoEntry: false });
  if (own === undefined) return undefined;
  if (own.isSymbolicLink()) {
    if (!followLinks) return undefined;
    let real: string;
    let target: Stats;
    try {
      real = realpathSync(path);
      target = statSync(real);
    } catch {
      return problem(file, "this is a symbolic link that leads nowhere (broken, or a loop); remove it or point it at a file inside the site");
    }
    if (!insideSite(realRoot, real)) return problem(file, `this is a symbolic link to ${JSON.stringify(real)}, outside the site; gekkan reads only files inside the site, so copy the file in instead`);
    return target.isFile() || target.isDirectory() ? undefined : problem(file, `this is a symbolic link to ${kindOf(target)}, not a regular file, so gekkan did not read it`);
  }
  return own.isFile() || own.isDirectory() ? undefined : problem(file, `this is ${kindOf(own)}, not a regular file, so gekkan did not read it; replace it with an ordinary file`);
}

function problem(file: string, reason: string): VFileMessage {
  return fileProblem(file, reason, "not-a-file");
}
