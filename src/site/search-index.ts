import * as pagefind from "pagefind";
import type { OutputContent } from "../write/output.js";
import { searchableHtml } from "./searchable-html.js";

export { searchableHtml } from "./searchable-html.js";

export interface SearchPage {
  /** Public URL with the base path, as results should link. */
  url: string;
  /** The page as built. */
  html: OutputContent;
  /** Issue number: decides the index part. */
  number: number;
  /** A content address of `html`, when its maker has one (so a part can be named without reading every page). */
  key?: string | undefined;
}

export type SearchFile = readonly [path: string, content: Uint8Array];

/** One part of the index: the pages it holds and its bundle folder under pagefind/. */
export interface SearchPart {
  dir: string;
  pages: SearchPage[];
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

/**
 * The pages in index parts of `shardSize` issues. Pagefind holds a whole
 * index in memory, so parts bound the memory, and a part whose pages are
 * unchanged need not be indexed again.
 */
export function searchParts(pages: readonly SearchPage[], shardSize: number): SearchPart[] {
  const dirs = shardDirs(pages.map((p) => p.number), shardSize);
  const parts = new Map<number, SearchPart>([...dirs].map(([id, dir]) => [id, { dir, pages: [] }]));
  for (const page of pages) parts.get(shardOf(page.number, shardSize))?.pages.push(page);
  return [...parts.values()];
}

/** What a merged bundle needs: Pagefind loads neither UI nor WebAssembly from it. */
const MERGED_FILE = /^(?:pagefind-entry\.json|[^/]+\.pf_meta|index\/|fragment\/|filter\/)/;
const SEND_GROUP = 50;

/** The Pagefind bundle of one part, as paths relative to its bundle folder. */
export async function indexPart(part: SearchPart, language: string): Promise<SearchFile[]> {
  const created = await pagefind.createIndex({ forceLanguage: language });
  const index = created.index;
  if (!index) throw new Error(`pagefind could not start: ${created.errors.join("; ")}`);
  try {
    // Pages go in groups: Pagefind answers in order over one pipe, so waiting for each reply in turn
    // only adds round trips, while a whole part at once queues megabytes in the pipe.
    for (let at = 0; at < part.pages.length; at += SEND_GROUP) {
      const added = await Promise.all(part.pages.slice(at, at + SEND_GROUP).map((page) => index.addHTMLFile({ url: page.url, content: searchableHtml(page.html) })));
      const failed = added.flatMap((a) => a.errors);
      if (failed.length > 0) throw new Error(`pagefind: ${failed.join("; ")}`);
    }
    const { files, errors } = await index.getFiles();
    if (errors.length > 0) throw new Error(`pagefind: ${errors.join("; ")}`);
    return files.filter((file) => part.dir === "" || MERGED_FILE.test(file.path)).map((file): SearchFile => [file.path, file.content]);
  } finally {
    await index.deleteIndex();
  }
}

/** Stops the Pagefind process once every part is indexed. */
export async function closeSearch(): Promise<void> {
  await pagefind.close();
}
