import * as pagefind from "pagefind";
import type { OutputContent } from "../write/output.js";
import type { Site } from "./model.js";
import { searchableHtml } from "./searchable-html.js";
import { PAGEFIND_UI_CSS, publishedPagefindCss } from "./pagefind-ui-css.js";

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
  /** The language the page is found under (Pagefind filter "lang"), on a site that searches by language (searchesByLanguage). */
  lang?: string | undefined;
}

/**
 * THE rule for searching by language: a site with translations has a
 * search page per edition, and each lists its own language's issues unless
 * the reader asks for the others (templates/search.liquid), so every page
 * of its index is marked with its language. A site in one language has no
 * such filter, nor the control.
 */
export function searchesByLanguage(site: Site): boolean {
  return site.translations.length > 0;
}

export type SearchFile = readonly [path: string, content: Uint8Array];

/** One part of the index: the pages it holds and its bundle folder under pagefind/. */
export interface SearchPart {
  dir: string;
  pages: SearchPage[];
}

/**
 * Index part of an issue. Numbers go in blocks of `size`; a block whose last
 * number has been reached is one part, and the block still being filled is
 * split into tenths, so the monthly new issue re-indexes a small part, not
 * up to `size` pages. When a block fills up, its tenths become one part
 * (indexed once). Parts sort by their first number.
 */
export function shardOf(number: number, size: number, highest: number): { order: number; label: string } {
  const block = Math.max(0, Math.floor((number - 1) / size));
  if (highest >= (block + 1) * size) return { order: block * size, label: String(block + 1) };
  const tenth = Math.max(1, Math.floor(size / 10));
  const within = Math.floor(((number - 1) % size) / tenth);
  return { order: block * size + within * tenth, label: `${block + 1}-${within + 1}` };
}

/**
 * Bundle directory of each index part (by label), relative to pagefind/. The
 * lowest part is the primary bundle (UI, WebAssembly, its own index) at
 * pagefind/ itself; the others are index-only bundles at pagefind/part-N/
 * that the search page merges in (Pagefind's mergeIndex), searched with the
 * primary's WebAssembly.
 */
export function shardDirs(numbers: Iterable<number>, size: number): Map<string, string> {
  const list = [...numbers];
  const highest = Math.max(0, ...list);
  const parts = new Map<string, number>();
  for (const n of list) {
    const { order, label } = shardOf(n, size, highest);
    parts.set(label, order);
  }
  const sorted = [...parts].sort(([, a], [, b]) => a - b);
  return new Map(sorted.map(([label], i) => [label, i === 0 ? "" : `part-${label}/`]));
}

/**
 * The pages in index parts (see shardOf). Pagefind holds a whole index in
 * memory, so parts bound the memory, and a part whose pages are unchanged
 * need not be indexed again.
 */
export function searchParts(pages: readonly SearchPage[], shardSize: number): SearchPart[] {
  // The search page loads Pagefind's UI from the primary bundle on every site: before the first issue, it is made with nothing in it.
  if (pages.length === 0) return [{ dir: "", pages: [] }];
  const dirs = shardDirs(pages.map((p) => p.number), shardSize);
  const highest = Math.max(0, ...pages.map((p) => p.number));
  const parts = new Map<string, SearchPart>([...dirs].map(([label, dir]) => [label, { dir, pages: [] }]));
  for (const page of pages) parts.get(shardOf(page.number, shardSize, highest).label)?.pages.push(page);
  return [...parts.values()];
}

/** What a merged bundle needs: Pagefind loads neither UI nor WebAssembly from it. */
const MERGED_FILE = /^(?:pagefind-entry\.json|[^/]+\.pf_meta|index\/|fragment\/|filter\/)/;
const SEND_GROUP = 50;

/**
 * Called before each group of pages goes to Pagefind; indexing waits for it.
 * `gekkan dev` indexes in the background and holds it back while saves are
 * being rebuilt (it throws to abandon the index).
 */
export type Pace = () => Promise<void>;

function published(css: Uint8Array): Uint8Array {
  return Buffer.from(publishedPagefindCss(Buffer.from(css).toString("utf8")), "utf8");
}

const NO_PACE: Pace = () => Promise.resolve();

/** The Pagefind bundle of one part, as paths relative to its bundle folder. */
export async function indexPart(part: SearchPart, language: string, pace: Pace = NO_PACE): Promise<SearchFile[]> {
  const created = await pagefind.createIndex({ forceLanguage: language });
  const index = created.index;
  if (!index) throw new Error(`pagefind could not start: ${created.errors.join("; ")}`);
  try {
    // Pages go in groups: Pagefind answers in order over one pipe, so waiting for each reply in turn
    // only adds round trips, while a whole part at once queues megabytes in the pipe.
    for (let at = 0; at < part.pages.length; at += SEND_GROUP) {
      await pace();
      const added = await Promise.all(part.pages.slice(at, at + SEND_GROUP).map((page) => index.addHTMLFile({ url: page.url, content: searchableHtml(page.html, page.lang) })));
      const failed = added.flatMap((a) => a.errors);
      if (failed.length > 0) throw new Error(`pagefind: ${failed.join("; ")}`);
    }
    const { files, errors } = await index.getFiles();
    if (errors.length > 0) throw new Error(`pagefind: ${errors.join("; ")}`);
    return files.filter((file) => part.dir === "" || MERGED_FILE.test(file.path)).map((file): SearchFile => [file.path, file.path === PAGEFIND_UI_CSS ? published(file.content) : file.content]);
  } finally {
    await index.deleteIndex();
  }
}

/** Stops the Pagefind process once every part is indexed. */
export async function closeSearch(): Promise<void> {
  await pagefind.close();
}
