import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { extname, join, sep } from "node:path";
import type { VFileMessage } from "vfile-message";
import { isKeptOut } from "../kept-out.js";
import { folderCaseReason, nameInOtherCase } from "../name-case.js";
import { unportableNames } from "./portable-names.js";
import { fileProblem, outside, unreadable } from "./source-problems.js";

const CONTENT_PARTS = ["content", "issues"] as const;

export interface IssueTree {
  /** The site root with every symbolic link resolved: "inside the site" is judged against it. */
  realRoot: string;
  /** Root-relative paths with "/" of every entry that may be an issue, sorted. */
  files: string[];
  /** Folders and links under content/issues that could not be walked, one message each. */
  problems: VFileMessage[];
}

/** The site root as the file system knows it (the root itself may be reached through a link). */
export function realSiteRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

/** True when `real` (a resolved path) is the site root or lies under it. */
export function insideSite(realRoot: string, real: string): boolean {
  return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : `${realRoot}${sep}`);
}

/** A link's final target, or why it has none (broken, a loop). */
export function resolveLink(path: string, file: string): { real: string } | { problem: VFileMessage } {
  try {
    return { real: realpathSync(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { problem: fileProblem(file, "this is a broken symbolic link: what it points to does not exist; remove the link or fix its target", "source-broken-link") };
    return { problem: unreadable(file, error) };
  }
}

/**
 * Every `*.md` under content/issues (any depth, dot-names skipped), in a
 * stable order. The symbolic-link policy lives here: a link (to a file or
 * a folder) is followed when its target lies inside the site; a link that
 * leads outside, is broken, or loops back to a folder it sits in is a
 * problem naming the link. Links whose name has another extension
 * (`logo.png`) cannot be issues and are left alone.
 */
export function scanIssueTree(root: string): IssueTree {
  const realRoot = realSiteRoot(root);
  const tree: IssueTree = { realRoot, files: [], problems: [] };
  const prefix = CONTENT_PARTS.join("/");
  const misnamed = nameInOtherCase(root, CONTENT_PARTS);
  if (misnamed !== undefined) {
    tree.problems.push(fileProblem(misnamed.found, folderCaseReason(misnamed.meant, "any of its issues"), "source-folder-case"));
    return tree;
  }
  const dir = join(root, ...CONTENT_PARTS);
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return tree;
    tree.problems.push(unreadable(prefix, error, "folder"));
    return tree;
  }
  if (!insideSite(realRoot, real)) {
    tree.problems.push(outside(prefix, real, "folder"));
    return tree;
  }
  walk(tree, dir, prefix, new Set([real]), real);
  tree.files.sort();
  return tree;
}

// By hand, not readdir({ recursive }): Node 20's recursive listing is ~5× slower on 4,000 files, and the warm build waits on it.
function walk(tree: IssueTree, dir: string, rel: string, ancestors: ReadonlySet<string>, realDir: string): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR") tree.problems.push(fileProblem(rel, "content/issues must be a folder holding the issue files", "source-not-a-folder"));
    else tree.problems.push(unreadable(rel, error, "folder"));
    return;
  }
  tree.problems.push(...unportableNames(entries, rel));
  for (const entry of entries) {
    // A folder too: the watcher of gekkan dev stays out of both, by issueFileKind's rule.
    if (entry.name.startsWith(".") || isKeptOut(entry.name)) continue;
    const path = `${rel}/${entry.name}`;
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) {
      // A plain folder's real path is its parent's plus its name: no system call needed.
      const real = join(realDir, entry.name);
      walk(tree, abs, path, new Set([...ancestors, real]), real);
    } else if (entry.isSymbolicLink()) {
      followLink(tree, abs, path, entry.name, ancestors);
    } else if (issueFileKind(entry.name) === "issue") {
      // FIFOs, sockets and devices are listed too: reading refuses them with a message, never blocks on them.
      tree.files.push(path);
    } else if (issueFileKind(entry.name) === "misnamed" && !entries.some((other) => other.name === entry.name.replace(MARKDOWN_NAME, ".md"))) {
      // Beside the file it would be renamed to, it is a name twin (unportableNames above), which says so.
      // Meant as an issue, surely: never skipped without a word.
      tree.problems.push(fileProblem(path, `this Markdown file is not read as an issue: issue files end in .md, in lower case; rename it to ${entry.name.replace(MARKDOWN_NAME, ".md")}`, "source-extension"));
    }
  }
}

/** Other names for a Markdown file than ".md". */
const MARKDOWN_NAME = /\.(?:md|markdown|mdown|mkdn?|mdwn)$/i;

/**
 * What the walk makes of a file (not a folder) named `name` under content/issues:
 * an issue, a Markdown file misnamed (reported), or nothing at all: a dot-name, an
 * editor's leftover (`2011-04.md~`, `#2011-04.md#`) or any other name is never read.
 * `gekkan dev` watches by the same rule, so a file the build skips rebuilds nothing.
 */
export function issueFileKind(name: string): "issue" | "misnamed" | undefined {
  if (name.startsWith(".") || isKeptOut(name)) return undefined;
  if (name.endsWith(".md")) return "issue";
  return MARKDOWN_NAME.test(name) ? "misnamed" : undefined;
}

function followLink(tree: IssueTree, abs: string, path: string, name: string, ancestors: ReadonlySet<string>): void {
  const couldBeIssues = name.endsWith(".md") || extname(name) === "";
  if (!couldBeIssues) return;
  const link = resolveLink(abs, path);
  if ("problem" in link) {
    tree.problems.push(link.problem);
    return;
  }
  let isDirectory = false;
  try {
    isDirectory = statSync(link.real).isDirectory();
  } catch (error) {
    tree.problems.push(unreadable(path, error));
    return;
  }
  if (!insideSite(tree.realRoot, link.real)) {
    if (isDirectory || name.endsWith(".md")) tree.problems.push(outside(path, link.real, isDirectory ? "folder" : "file"));
    return;
  }
  if (isDirectory) {
    if (ancestors.has(link.real)) {
      tree.problems.push(fileProblem(path, "this symbolic link points to a folder that contains it, which would be read forever (a loop); remove the link", "source-link-loop"));
      return;
    }
    walk(tree, abs, path, new Set([...ancestors, link.real]), link.real);
  } else if (name.endsWith(".md")) {
    tree.files.push(path);
  }
}
