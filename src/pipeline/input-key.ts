import { createHash } from "node:crypto";
import { join } from "node:path";
import { CONFIG_FILE } from "../config-file.js";
import { listIssueFiles, streamSources } from "../content/sources.js";
import { nameInOtherCase } from "../name-case.js";
import { templateDirs } from "../render/template-dirs.js";
import { digest } from "../incremental/digest.js";
import { codeFingerprint } from "../incremental/fingerprint.js";
import { hashFile, hashTree } from "../incremental/hash-tree.js";
import type { FileDigests } from "../incremental/file-digests.js";
import { shapingOptions, type BuildOptions } from "./options.js";

/**
 * The content address of a build's whole output: every input generate()
 * reads (`fixed`: fixedInputs) and every source. Equal keys, byte-identical
 * output. Sources enter by their digest, the same one issue keys use, so
 * each source is hashed once per build.
 */
export function inputKey(fixed: string, sources: Iterable<{ file: string; digest: string }>): string {
  const hash = createHash("sha256").update(`gekkan-input-3\0${fixed}\0sources\0`);
  for (const source of sources) hash.update(source.file).update("\0").update(source.digest).update("\0");
  return hash.digest("hex");
}

/**
 * The digest of every input but the sources: gekkan's code, the options
 * that shape output, the config, templates and locales, public/. Taken once
 * per build, before the build reads them (buildSite): a file changed while
 * the build runs then makes the next build run again, where one taken after
 * the build would name the new bytes beside output made from the old, and
 * the next build would call that current. A large public file enters by its
 * own digest, which `digests` keep between runs (file-digests.ts): a video
 * unchanged since the last build is not read again.
 */
export function fixedInputs(options: BuildOptions, dirs: readonly string[], digests: FileDigests): string {
  const hash = createHash("sha256").update(`gekkan-fixed-1\0${codeFingerprint()}\0${JSON.stringify(shapingOptions(options))}\0`);
  for (const name of [CONFIG_FILE, "package.json"]) hashFile(hash, name, join(options.root, name));
  dirs.forEach((dir, i) => {
    hash.update(`templates#${i}\0`);
    hashTree(hash, dir, true);
  });
  hash.update("public\0");
  // public/ is copied with lstat semantics (symlinks skipped), so it is hashed the same way.
  hashTree(hash, join(options.root, "public"), false, digests);
  // A folder in other case (Public/, Templates/) is read by no one but is an error of the build (name-case.ts):
  // one made since the last build must end "up to date" so the build reports it.
  for (const name of ["public", "templates"]) hash.update(`${nameInOtherCase(options.root, [name])?.found ?? ""}\0`);
  return hash.digest("hex");
}

/** A source as the up-to-date check found it: the digest and size of the bytes it read. */
export interface CheckedSource {
  digest: string;
  size: number;
}

/** What the up-to-date check found: the input key, and each source it could read, by file (see Reuse.checked). */
export interface CurrentInputs {
  key: string;
  /** The part of the key that is not the sources (fixedInputs): the build records its key with this, taken before it ran. */
  fixed: string;
  sources: ReadonlyMap<string, CheckedSource>;
}

/**
 * The input key of the site as it is on disk now, reading each source once
 * through one reused buffer: the unchanged-build check answers without
 * loading the Markdown pipeline or keeping thousands of buffers. The
 * digests are kept: a build that follows need not read or hash again the
 * sources it does not parse (see checked-sources.ts).
 */
export async function currentInputs(options: BuildOptions, digests: FileDigests): Promise<CurrentInputs> {
  const files = await listIssueFiles(options.root);
  const sources = new Map<string, CheckedSource>();
  function* sourceDigests(): Generator<{ file: string; digest: string }> {
    for (const { file, bytes } of streamSources(options.root, files)) {
      const found = { file, digest: digest(bytes) };
      // No bytes: a file the check could not read (see streamSources); the build reads it and reports why.
      if (bytes.length > 0) sources.set(file, { digest: found.digest, size: bytes.length });
      yield found;
    }
  }
  const fixed = fixedInputs(options, templateDirs(options.root), digests);
  return { key: inputKey(fixed, sourceDigests()), fixed, sources };
}
