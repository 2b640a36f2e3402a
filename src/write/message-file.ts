import { closeSync, openSync, readSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { PlainError } from "../diagnostics.js";
import { contains, realPath } from "./real-path.js";
import { enclosingBuild } from "./output-dir.js";
import { isStoreName, outputOfStore } from "./versions.js";

/** Site folders a message file must not be written into, and what they hold. */
const SOURCES = [
  ["content", "your issues"],
  ["templates", "your templates"],
  ["public", "files published with the site"],
  [".git", "git's own files"],
] as const;

/**
 * Throws, before any work, when `gekkan email --out FILE` would replace
 * something of the author's: `--out content/issues/2011/2011-04.md` (one
 * slip in a shell history) overwrote the issue with the message. A file is
 * replaced only when it is itself a message (it starts with a header
 * field, as a message gekkan wrote does), so running the command again
 * still updates `issue-2.eml`.
 */
export function assertSafeMessageFile(root: string, out: string): void {
  const reason = messageFileProblem(root, out);
  if (reason !== undefined) throw new PlainError(`refusing to write the message to ${JSON.stringify(out)}: ${reason}`);
}

function messageFileProblem(root: string, out: string): string | undefined {
  const site = realPath(resolve(root));
  const target = realPath(resolve(out));
  for (const [name, holds] of SOURCES) {
    const folder = realPath(join(site, name));
    if (target === folder || contains(folder, target)) return `that is in the site's ${name}/ folder, which holds ${holds}; write it outside, such as issue.eml beside the config`;
  }
  const build = enclosingBuild(target);
  // The link an output is read through (dist → .dist-gekkan/b…) led the message, its readers' addresses in To, into the published site.
  if (build !== undefined) return `that is in ${outputName(build)}, a build of the site that is published as it is and replaced by the next build; write it outside, such as issue.eml beside the config`;
  const stat = statSync(target, { throwIfNoEntry: false });
  if (stat === undefined) return undefined;
  if (stat.isDirectory()) return `that is a folder; give a file name, such as ${join(out, "issue.eml")}`;
  if (stat.isFile() && !startsWithHeader(target)) return "that file exists and is not an email message, so writing would replace it; choose a new file name (such as issue.eml), or remove the file first";
  return undefined;
}

/** A build as the author knows it: the output its folder of builds (`.dist-gekkan`) serves, `"…/dist"`, else its own path. */
function outputName(build: string): string {
  const store = isStoreName(basename(build)) ? build : dirname(build);
  if (!isStoreName(basename(store))) return JSON.stringify(build);
  return `the output ${JSON.stringify(outputOfStore(store))}`;
}

/** True when the file starts with a header field ("From: …"), as every message does; an empty file is nothing to lose. */
function startsWithHeader(file: string): boolean {
  const head = Buffer.alloc(256);
  const fd = openSync(file, "r");
  try {
    const length = readSync(fd, head, 0, head.length, 0);
    return length === 0 || /^[\x21-\x39\x3b-\x7e]+:/.test(head.subarray(0, length).toString("latin1"));
  } finally {
    closeSync(fd);
  }
}
