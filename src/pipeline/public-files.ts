import { closeSync, constants } from "node:fs";
import { access, lstat, readFile } from "node:fs/promises";
import { join, sep } from "node:path";
import type { VFileMessage } from "vfile-message";
import { unreadable } from "../content/source-problems.js";
import { diagnostic, isError, warning } from "../diagnostics.js";
import { listTree } from "../file-tree.js";
import { openRegularFile } from "../regular-file.js";
import { FileDigests } from "../incremental/file-digests.js";
import { formatBytes, PUBLIC_READ_BYTES, SVG_CHECK_BYTES } from "../limits.js";
import { parentFolders, type OutputSet, type SourceFile } from "../write/output.js";
import { ROUTES } from "../site/urls.js";
import { folderCaseReason, nameInOtherCase } from "../name-case.js";
import { unportablePublicNames } from "./public-names.js";
import { dotNameWarnings } from "./public-dot-names.js";
import { isSvgName, svgActiveContent, type SvgCheck } from "./svg-active-content.js";

/**
 * Copies `public/` verbatim. A public file where gekkan writes a file or a
 * folder, or in the search bundle's folder (see placeClash), is
 * an error (which one should win is the author's call, not ours); symlinks
 * are skipped, files and folders alike, so nothing outside the site leaks
 * into the output and a link loop cannot make the copy endless. A skipped
 * link is a warning: the author put it there to be published. So is an SVG
 * that would run code on the site: it is still copied as it is. `skip`:
 * public files gekkan has put into one of its own (public/_redirects, with
 * config `redirects`: own-redirects.ts), which are not copied as well.
 */
export async function addPublicFiles(root: string, output: OutputSet, search: boolean, digests?: FileDigests, skip: readonly string[] = []): Promise<VFileMessage[]> {
  return copyPublic(root, output, search, true, digests, skip);
}

/**
 * public/'s errors against the files every build of the site writes
 * (`fixed`, fixed-outputs.ts, which this adds public/'s files to), by the
 * same rules and in the same words as addPublicFiles, without reading a
 * file: a run that stops on an issue's error reports them with it, where
 * they came only once the issues were fixed. A clash with an issue's own
 * page or a translation's needs the issues, and comes with the copy.
 */
export async function publicClashes(root: string, fixed: OutputSet, search: boolean): Promise<VFileMessage[]> {
  return (await copyPublic(root, fixed, search, false)).filter(isError);
}

/** public/ into `output`, its files read and checked (`read`), or only checked against where they would go. */
async function copyPublic(root: string, output: OutputSet, search: boolean, read: boolean, digests?: FileDigests, skip: readonly string[] = []): Promise<VFileMessage[]> {
  const dir = join(root, "public");
  const misnamed = nameInOtherCase(root, ["public"]);
  if (misnamed !== undefined) return [diagnostic(misnamed.found, folderCaseReason(misnamed.meant, "its files (images, styles)"), { line: 1, column: 1 }, "public-folder-case")];
  let names: string[];
  try {
    names = listTree(dir, false);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const messages: VFileMessage[] = [];
  const folders = generatedFolders(output);
  // The search index is written after public/ is copied: its folder is gekkan's all the same.
  const generated = search ? [...output.paths(), `${ROUTES.searchBundle}pagefind.js`] : output.paths();
  const published: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const file = `public/${name.split(sep).join("/")}`;
    const route = publishedName(file.slice("public/".length));
    if (skip.includes(file)) {
      published.push(route);
      continue;
    }
    const stat = await lstat(path);
    if (stat.isSymbolicLink()) {
      messages.push(warning(file, "this is a symbolic link, and gekkan does not copy links from public/ (one could lead outside the site); copy the file or folder in instead", { line: 1, column: 1 }, "public-link"));
    }
    // Unreadable (permission denied): an error naming it, where reading it was an internal error (or, for a folder, silence).
    if (stat.isDirectory()) {
      await access(path, constants.R_OK | constants.X_OK).catch((error: unknown) => messages.push(unreadable(file, error, "folder", "public/")));
      continue;
    }
    if (!stat.isFile()) continue;
    let bytes: Buffer | SourceFile | undefined;
    try {
      bytes = read ? await readPublic(path, stat.size, digests) : await access(path, constants.R_OK).then(() => undefined);
    } catch (error) {
      messages.push(unreadable(file, error, "file", "public/"));
      continue;
    }
    // One too large to read is too large to check: the SVG check reads no more than that (SVG_CHECK_BYTES).
    if (bytes !== undefined && isSvgName(name)) messages.push(...svgWarnings(file, isCopy(bytes) ? { tooLarge: `is ${formatBytes(stat.size)}` } : svgActiveContent(bytes)));
    const clash = placeClash(file, route, output, folders, search);
    if (clash !== undefined) {
      messages.push(clash);
      continue;
    }
    published.push(route);
    const earlier = isCopy(bytes) ? output.addCopy(route, bytes, file) : output.add(route, bytes ?? unread, file);
    if (earlier !== undefined) messages.push(sameAddress(file, route, earlier));
  }
  return [...messages, ...unportablePublicNames(generated, published), ...dotNameWarnings(published)];
}

/**
 * A public file's bytes, or for a large one (PUBLIC_READ_BYTES) where it is
 * and the SHA-256 of its bytes: see OutputSet.addCopy. A large file as it was
 * when `digests` last hashed it is not read at all (file-digests.ts): the
 * up-to-date check has just asked after it, or (`gekkan dev`) an earlier
 * rebuild did. Without them it is hashed as it is read, and forgotten.
 */
async function readPublic(path: string, size: number, digests: FileDigests = FileDigests.empty()): Promise<Buffer | SourceFile> {
  if (size <= PUBLIC_READ_BYTES) return readFile(path);
  const fd = openRegularFile(path);
  try {
    // The bytes hashed, not the size stat gave before: the file may have grown since (a copy still running).
    // Slice by slice with the event loop free between them where the digests yield: `gekkan dev` keeps answering.
    const { digest, size: hashed } = await digests.hashedAsync(path, fd);
    return { path, id: digest, size: hashed };
  } finally {
    closeSync(fd);
  }
}

function isCopy(bytes: Buffer | SourceFile | undefined): bytes is SourceFile {
  return bytes !== undefined && !Buffer.isBuffer(bytes);
}

/** What stands for a file checked but not read: nothing writes that output. */
const unread = () => "";

/**
 * The address a public file is published at: its name in composed form
 * (NFC). A name saved on macOS can hold letters with their marks apart (ガ
 * as カ + ゛), while a link typed with an input method holds them whole:
 * served as it is, such a file answered that link only where the file
 * system ignores the difference (the author's Mac), and a Linux host answered
 * 404; its address also depended on the form the checkout happened to have.
 */
function publishedName(name: string): string {
  return name.normalize("NFC");
}

/** A public file at an address another file has taken: gekkan's own, or another public file whose name differs only in how its letters are written. */
function sameAddress(file: string, route: string, earlier: string): VFileMessage {
  const at = { line: 1, column: 1 };
  if (!earlier.startsWith("public/")) return diagnostic(file, `gekkan writes a file at /${route} itself, so this one would overwrite it; rename or remove it`, at, "public-collision");
  return diagnostic(file, `${earlier} has the same name written another way (one of the two has letters with their marks apart, ガ as カ + ゛, as macOS writes some file names), and both would be published at /${route}; keep one of them`, at, "public-collision");
}

/** Every folder the generated files are in ("issues", "issues/2011-05", …). */
function generatedFolders(output: OutputSet): Set<string> {
  const folders = new Set<string>();
  for (const path of output.paths()) for (const folder of parentFolders(path)) folders.add(folder);
  return folders;
}

/**
 * Why a public file cannot go where it is, other than a file of the same
 * name (OutputSet.add says that): a file where gekkan makes a folder, a
 * folder where gekkan makes a file (neither can be written, and the build
 * would fail half-way), or a file in the search bundle's folder.
 */
function placeClash(file: string, route: string, output: OutputSet, folders: ReadonlySet<string>, search: boolean): VFileMessage | undefined {
  // The folder itself too: a file named like it would stand where the bundle goes.
  if (search && `${route}/`.startsWith(ROUTES.searchBundle)) return inSearchBundle(file);
  const at = { line: 1, column: 1 };
  if (folders.has(route)) return diagnostic(file, `gekkan makes a folder /${route}/ here, so a file of that name cannot be published; rename or remove it`, at, "public-collision");
  for (const parent of parentFolders(route)) {
    if (output.has(parent)) return diagnostic(file, `gekkan writes a file at /${parent}, so public/${parent} cannot be a folder; rename the folder or move this file out of it`, at, "public-collision");
  }
  return undefined;
}

/**
 * A file in the search bundle's folder. The error comes whether or not
 * Pagefind makes a file of that name in this build: which files it makes
 * depends on its version and the site's size, and `gekkan dev` indexes after
 * the first build, so a name that is free today can be overwritten later.
 */
function inSearchBundle(file: string): VFileMessage {
  return diagnostic(file, `${ROUTES.searchBundle} is where gekkan writes the search index, so this file would replace part of it or be mixed into it; move it to another folder under public/ (or, for a site without search, set "search": false in gekkan.config.json)`, { line: 1, column: 1 }, "public-collision");
}

/**
 * The warning for an SVG that runs code (one per file, at its first finding):
 * an icon downloaded from elsewhere can carry a script, which runs on this
 * site's origin when a reader opens the image itself (not through <img>).
 */
function svgWarnings(file: string, check: SvgCheck): VFileMessage[] {
  if ("tooLarge" in check) {
    return [warning(file, `this SVG ${check.tooLarge}; gekkan reads at most ${formatBytes(SVG_CHECK_BYTES)} of an SVG to look for scripts, so this one is published unchecked: make it smaller (an optimiser such as SVGO), or make sure it holds no <script>, on… attribute or javascript: link`, { line: 1, column: 1 }, "public-svg-unchecked")];
  }
  const [first] = check.found;
  if (first === undefined) return [];
  const seen = new Map<string, number>();
  for (const { what, line } of check.found) if (!seen.has(what)) seen.set(what, line);
  const list = [...seen].map(([what, line]) => `${what} on line ${line}`);
  const holds = list.length === 1 ? list[0] : `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
  return [warning(file, `this SVG holds ${holds}, which can run code on this site when a reader opens the image itself; gekkan publishes it as it is: remove them (an image needs none), or link to the image where it came from instead`, first, "public-svg-script")];
}
