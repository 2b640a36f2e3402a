import type { OutputContent } from "../write/output.js";

const HTML_LANG = /<html\b[^>]*\blang="([^"]*)"/;
const LANG = /\slang="([^"]*)"/;
const BODY_START = "data-pagefind-body";

/**
 * Only what Pagefind reads from an issue page: the html lang and the
 * data-pagefind-body element (title = its first h1; the rest of the page is
 * ignored once a body is marked). Less to send and parse; same index.
 * Falls back to the whole page when the template marks nothing.
 * The body's language (its own lang, else the page's) goes in as the meta
 * field "lang": one index holds every language, and the search page marks
 * each result with it, so an English issue listed on the Japanese search
 * page is read as English. `filter`, on a site that searches by language,
 * goes in as the filter "lang": each edition's search page lists its own.
 */
export function searchableHtml(content: OutputContent, filter?: string): string {
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
  const openEnd = html.indexOf(">", start);
  const bodyLang = LANG.exec(html.slice(start, openEnd))?.[1] ?? lang;
  const meta = `${bodyLang === undefined || bodyLang === "" ? "" : ` data-pagefind-meta="lang:${bodyLang}"`}${filter === undefined ? "" : ` data-pagefind-filter="lang:${filter}"`}`;
  const body = `<${tag}${meta}${html.slice(start + 1 + tag.length, end + close.length)}`;
  return `<!DOCTYPE html><html${lang === undefined ? "" : ` lang="${lang}"`}><head><meta charset="utf-8"></head><body>${body}</body></html>`;
}
