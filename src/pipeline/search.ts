import { closeSearch, indexPart, searchParts, type Pace, type SearchPage } from "../site/search-index.js";
import type { DeferredContent, OutputContent, OutputSet } from "../write/output.js";
import { ROUTES } from "../site/urls.js";
import { codeFingerprint } from "../incremental/fingerprint.js";
import { digest } from "../incremental/digest.js";
import { decodeFiles, deferredFiles, encodeFiles, type NamedFile } from "../incremental/file-set.js";
import { memoDecoded, type Memo } from "../incremental/memo.js";

/**
 * Stage: issue pages → the Pagefind bundle under pagefind/. Each index part
 * is memoised by the exact text Pagefind would read, so an edit re-indexes
 * one part and the others come from the memo. `pace` is awaited before each
 * group of pages is indexed (see Pace).
 */
export async function addSearchIndex(output: OutputSet, pages: readonly SearchPage[], language: string, shardSize: number, memo: Memo, pace?: Pace): Promise<void> {
  try {
    for (const part of searchParts(pages, shardSize)) {
      // Pages enter the key by their content address: a part is named without reading its pages.
      const key = digest("gekkan-search-part-1", codeFingerprint(), language, part.dir, ...part.pages.flatMap((page) => [page.url, page.lang ?? "", page.key ?? digest(page.html)]));
      const files = storedPart(memo, key) ?? await madePart(memo, key, () => indexPart(part, language, pace));
      for (const [path, content] of files) output.add(`${ROUTES.searchBundle}${part.dir}${path}`, content, "pagefind", `${key}:${path}`);
    }
  } finally {
    await closeSearch();
  }
}

type PartFile = readonly [path: string, content: OutputContent | DeferredContent];

/**
 * A stored part, its files unread: their names come from a small record
 * beside them, so a build that indexes one new issue reads none of the
 * other parts (the write links their files from the last build). A value
 * read later that turns out damaged throws DamagedCacheError (see
 * Memo.stored). Undefined when either record is missing or the names do
 * not decode: then the part goes the plain way.
 */
function storedPart(memo: Memo, key: string): PartFile[] | undefined {
  const files = memo.stored?.(key);
  const names = files === undefined ? undefined : memo.stored?.(namesKey(key));
  if (files === undefined || names === undefined) return undefined;
  const paths = namesOf(names);
  return paths === undefined ? undefined : deferredFiles(key, files, paths);
}

/** A part from the memo or from Pagefind, with its names record made to match (the plain path: every byte read). */
async function madePart(memo: Memo, key: string, index: () => Promise<readonly NamedFile[]>): Promise<PartFile[]> {
  const files = await memoDecoded(memo, key, async () => encodeFiles(await index()), decodeFiles);
  const names = encodeNames(files.map(([path]) => path));
  const stored = await memo(namesKey(key), () => names);
  if (!names.equals(stored)) await memo(namesKey(key), () => names, { replace: true });
  return files;
}

function namesKey(key: string): string {
  return digest("gekkan-search-names-1", key);
}

function encodeNames(paths: readonly string[]): Buffer {
  return Buffer.from(JSON.stringify(paths), "utf8");
}

/** The stored names, or undefined when they cannot be read (damaged) or do not decode. */
function namesOf(read: () => Uint8Array): string[] | undefined {
  try {
    const bytes = read();
    const list = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8")) as unknown;
    return Array.isArray(list) && list.every((path) => typeof path === "string") ? list : undefined;
  } catch {
    return undefined;
  }
}
