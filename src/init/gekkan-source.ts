import { execFileSync } from "node:child_process";
import { packageRoot } from "../package-root.js";

/** Where a workflow can fetch the gekkan that is running: its GitHub repository and the commit checked out. */
export interface GekkanSource {
  repository: string;
  commit: string;
}

/**
 * gekkan is not on the npm registry, so a series' workflow cannot `npm
 * install gekkan`: it checks out the repository this gekkan was cloned from
 * (its "origin" on GitHub), at the commit running now, so CI builds with the
 * gekkan the author tried. Anything else (no git, no GitHub origin) is the
 * reason no workflow can be written, in words.
 */
export function gekkanSource(): GekkanSource | { missing: string } {
  const root = packageRoot();
  const origin = git(root, ["config", "--get", "remote.origin.url"]);
  const repository = origin === undefined ? undefined : githubRepository(origin);
  if (repository === undefined) return { missing: `this gekkan (${root}) is not a clone of a GitHub repository${origin === undefined ? "" : ` (its origin is ${origin.replace(/\/\/[^@/]*@/, "//")})`}, so a workflow has nowhere to fetch it from` };
  const commit = git(root, ["rev-parse", "HEAD"]);
  if (commit === undefined || !/^[0-9a-f]{40}$/.test(commit)) return { missing: `the commit of this gekkan (${root}) cannot be read with git` };
  return { repository, commit };
}

/** "OWNER/NAME" of a GitHub remote, in any of the forms git writes (https, ssh, scp-like); undefined for another host. */
export function githubRepository(url: string): string | undefined {
  const match = /^(?:https:\/\/(?:[^@/]+@)?github\.com\/|ssh:\/\/git@github\.com\/|git@github\.com:)([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(url.trim());
  return match === null ? undefined : `${match[1]}/${match[2]}`;
}

/** The first line git prints, or undefined when git is missing or refuses (not a repository, no such remote). */
function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync("git", ["-C", cwd, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim().split("\n")[0];
  } catch {
    return undefined;
  }
}

/** The root of the git work tree `dir` is in, if any: GitHub reads workflows only from a repository's root. */
export function workTreeRoot(dir: string): string | undefined {
  return git(dir, ["rev-parse", "--show-toplevel"]);
}
