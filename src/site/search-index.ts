import { createHash } from "node:crypto";
import * as pagefind from "pagefind";
import { pipelineFingerprint } from "../cache/fingerprint.js";
import type { OutputContent, OutputSet } from "../write/output.js";
import { searchableHtml } from "./searchable-html.js";

export { searchableHtml } from "./searchable-html.js";

export interface SearchPage {
  /** Public URL with the base path, as results should link. */
  url: string;
  /** The page as built (bytes when it was reused from a snapshot). */
  html: OutputContent;
  /** Issue number: decides the index part. */
  number: number;
}

export type SearchFile = readonly [path: string, content: Uint8Array];

/** Where index parts are kept between builds: the render cache dir on disk, or memory in `gekkan dev`. */
export interface ShardStore {
  get: (key: string) => Promise<SearchFile[] | undefined>;
  set: (key: string, files: readonly SearchFile[]) => Promise<void>;
  /** Forgets every part not in `keys` (parts of older builds). */
  keep: (keys: ReadonlySet<string>) => Promise<void>;
}

/** Index part of an issue: fixed blocks of numbers, so an edit or a new issue changes one part. */
export function shardOf(number: number, size: number): number {
  return Math.max(0, Math.floor((number - 1) / size));
}

/**
 * Bundle directory of each index part, relative to pagefind/. The lowest part
 * is the primary bundle (UI, WebAssembly, its own index) at pagefind/ itself;
 * the others are index-only bundles at pagefind/part-N/ that the search page
 * merges in (Pagefind's mergeIndex), searched with the primary's WebAssembly.
 */
export function shardDirs(numbers: Iterable<number>, size: number): Map<number, string> {
  const ids = [...new Set([...numbers].map((n) => shardOf(n, size)))].sort((a, b) => a - b);
  return new Map(ids.map((id, i) => [id, i === 0 ? "" : `part-${id + 1}/`]));
}

/** What a merged bundle needs: Pagefind loads neither UI nor WebAssembly from it. */
const MERGED_FILE = /^(?:pagefind-entry\.json|[^/]+\.pf_meta|index\/|fragment\/|filter\/)/;

/**
 * The Pagefind bundle for `pages`, as paths relative to pagefind/. Pages are
 * indexed in parts of `shardSize` issues, one part at a time in one Pagefind
 * process: Pagefind holds a whole index in memory (~0.4 GB per 1,000
 * Japanese pages), so parts bound the memory, and a part whose pages are
 * unchanged is taken from `store` instead of being indexed again.
 */
export async function searchIndexFiles(pages: readonly SearchPage[], language: string, shardSize: number, store?: ShardStore): Promise<SearchFile[]> {
  const dirs = shardDirs(pages.map((p) => p.number), shardSize);
  const groups = new Map<number, SearchPage[]>();
  for (const page of pages) {
    const id = shardOf(page.number, shardSize);
    let group = groups.get(id);
    if (group === undefined) groups.set(id, (group = []));
    group.push(page);
  }
  const files: SearchFile[] = [];
  const used = new Set<string>();
  try {
    for (const [id, dir] of dirs) {
      const part: Array<{ url: string; content: string }> = [];
      for (const page of groups.get(id) ?? []) {
        part.push({ url: page.url, content: searchableHtml(page.html) });
        // In `gekkan dev` this runs beside the server: short steps keep a save's rebuild from waiting behind it.
        if (part.length % SEND_GROUP === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const key = shardKey(language, dir, part);
      used.add(key);
      let partFiles = await store?.get(key);
      if (partFiles === undefined) {
        partFiles = await indexPart(part, language, dir !== "");
        // The store is an optimisation: failing to keep a part never fails the build.
        await store?.set(key, partFiles).catch(() => undefined);
      }
      for (const [path, content] of partFiles) files.push([`${dir}${path}`, content]);
    }
  } finally {
    await pagefind.close();
  }
  await store?.keep(used).catch(() => undefined);
  return files;
}

/** Adds the bundle under pagefind/. */
export async function addSearchIndex(output: OutputSet, pages: readonly SearchPage[], language: string, shardSize: number, store?: ShardStore): Promise<void> {
  for (const [path, content] of await searchIndexFiles(pages, language, shardSize, store)) output.add(`pagefind/${path}`, content, "pagefind");
}

const SEND_GROUP = 50;

async function indexPart(pages: ReadonlyArray<{ url: string; content: string }>, language: string, merged: boolean): Promise<SearchFile[]> {
  const created = await pagefind.createIndex({ forceLanguage: language });
  const index = created.index;
  if (!index) throw new Error(`pagefind could not start: ${created.errors.join("; ")}`);
  try {
    // Pages go in groups: Pagefind answers in order over one pipe, so waiting for each reply in turn
    // only adds round trips, while a whole part at once queues ~10 MB of base64 in the pipe.
    for (let at = 0; at < pages.length; at += SEND_GROUP) {
      const added = await Promise.all(pages.slice(at, at + SEND_GROUP).map((page) => index.addHTMLFile(page)));
      const failed = added.flatMap((a) => a.errors);
      if (failed.length > 0) throw new Error(`pagefind: ${failed.join("; ")}`);
    }
    const { files, errors } = await index.getFiles();
    if (errors.length > 0) throw new Error(`pagefind: ${errors.join("; ")}`);
    return files.filter((file) => !merged || MERGED_FILE.test(file.path)).map((file): SearchFile => [file.path, file.content]);
  } finally {
    await index.deleteIndex();
  }
}

function shardKey(language: string, dir: string, pages: ReadonlyArray<{ url: string; content: string }>): string {
  const hash = createHash("sha256").update(`gekkan-search-part-1\0${pipelineFingerprint()}\0${language}\0${dir}\0`);
  for (const page of pages) hash.update(page.url).update("\0").update(page.content).update("\0");
  return hash.digest("hex");
}
