import * as pagefind from "pagefind";
import type { OutputContent, OutputSet } from "../write/output.js";

export interface SearchPage {
  /** Public URL with the base path, as results should link. */
  url: string;
  /** The page as built (bytes when it was reused from a snapshot). */
  html: OutputContent;
}

/**
 * Builds the Pagefind index in memory from rendered issue pages (pages mark
 * their searchable part with data-pagefind-body). One index in the site's
 * language: Pagefind's extended binary segments Japanese, and English words
 * still index fine inside it, so one search box finds both.
 */
export async function addSearchIndex(output: OutputSet, pages: readonly SearchPage[], language: string): Promise<void> {
  for (const file of await searchIndexFiles(pages, language)) output.add(`pagefind/${file.path}`, file.content, "pagefind");
}

/** The Pagefind bundle (index + UI files) for `pages`, as paths relative to pagefind/. */
export async function searchIndexFiles(pages: readonly SearchPage[], language: string): Promise<Array<{ path: string; content: Uint8Array }>> {
  const created = await pagefind.createIndex({ forceLanguage: language });
  const index = created.index;
  if (!index) throw new Error(`pagefind could not start: ${created.errors.join("; ")}`);
  try {
    // All pages are sent at once: Pagefind answers in order over one pipe, so waiting for each reply in turn only adds round trips.
    const added = await Promise.all(pages.map((page) => index.addHTMLFile({ url: page.url, content: searchableHtml(page.html) })));
    const failed = added.flatMap((a) => a.errors);
    if (failed.length > 0) throw new Error(`pagefind: ${failed.join("; ")}`);
    const { files, errors } = await index.getFiles();
    if (errors.length > 0) throw new Error(`pagefind: ${errors.join("; ")}`);
    return files.map((file) => ({ path: file.path, content: file.content }));
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

const HTML_LANG = /<html\b[^>]*\blang="([^"]*)"/;
const BODY_START = "data-pagefind-body";

/**
 * Only what Pagefind reads from an issue page: the html lang and the
 * data-pagefind-body element (title = its first h1; the rest of the page is
 * ignored once a body is marked). Less to send and parse; same index.
 * Falls back to the whole page when the template marks nothing.
 */
export function searchableHtml(content: OutputContent): string {
  const html = typeof content === "string" ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString("utf8");
  const mark = html.indexOf(BODY_START);
  const start = mark < 0 ? -1 : html.lastIndexOf("<", mark);
  const tag = start < 0 ? undefined : /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(start))?.[1];
  if (tag === undefined) return html;
  const close = `</${tag}>`;
  // Templates put one data-pagefind-body element per page; its last closing tag of that name ends it unless it nests.
  const end = html.indexOf(close, start);
  if (end < 0 || html.slice(start + 1, end).includes(`<${tag}`)) return html;
  const lang = HTML_LANG.exec(html)?.[1];
  return `<!DOCTYPE html><html${lang === undefined ? "" : ` lang="${lang}"`}><head><meta charset="utf-8"></head><body>${html.slice(start, end + close.length)}</body></html>`;
}
