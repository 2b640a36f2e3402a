import type { Block } from "../blocks/types.js";
import type { RenderedBody } from "../markdown/rendered.js";
import { rewriteStartTags } from "../serialised-html.js";
import type { SiteIssue } from "../site/model.js";
import { otherEditionOf, type PageLanguages } from "../site/page-languages.js";
import type { RenderEnv } from "./env.js";

/** The language of the page a link in an issue's text leads to, when it is not the issue's own (undefined otherwise). */
export type LinkLanguage = (href: string) => string | undefined;

/**
 * The other-edition rule (page-languages.ts) for links written in `entry`'s
 * text, on its page. Only the addresses the Markdown stage found in the
 * author's text (`body.links`, its blocks' included) are asked about: the
 * body's cache key names their answers (otherEditionLinks) without reading
 * the body's HTML, which a cached build leaves undecoded, so no other anchor
 * may be marked. The ones it leaves out are the Markdown stage's own (a
 * footnote's), which lead within the page.
 */
export function linkLanguageIn(env: RenderEnv, pages: PageLanguages, entry: SiteIssue): LinkLanguage {
  const written = new Set(entry.body.links.filter((link) => link.kind === "link").map((link) => link.url));
  return (href) => (written.has(href) ? otherEditionOf(pages, env.config, entry.route, entry.issue.lang, href) : undefined);
}

/** A block with each of its HTML fields (the author's text) through `map`. */
export function mapBlockHtml(block: Block, map: (html: string) => string): Block {
  if (block.kind === "qa") return { ...block, questionHtml: map(block.questionHtml), questionDetailHtml: map(block.questionDetailHtml), answerHtml: map(block.answerHtml) };
  return { ...block, bodyHtml: map(block.bodyHtml) };
}

const HREF = /\shref="([^"]*)"/;
const HREFLANG = /\shreflang="/;

/** The address an anchor's start tag links to, its escapes of "&" read; undefined when it has none or says its language already. */
function anchorHref(tag: string): string | undefined {
  if (HREFLANG.test(tag)) return undefined;
  return HREF.exec(tag)?.[1]?.replace(/&#x26;|&amp;/g, "&");
}

/**
 * A link in an issue's own text to a page of another edition says the
 * language it leads to (`hreflang`), as the templates' links that leave the
 * reader's edition do (views.ts leavesEdition). Only the attribute: the
 * link's words are the author's, and may say it already ("the Japanese
 * original"), so no "(Japanese)" is added to them.
 */
export function markOtherEditionLinks(html: string, languageOf: LinkLanguage): string {
  if (!html.includes("<a")) return html;
  return rewriteStartTags(html, (tag) => {
    const href = tag.startsWith("<a ") ? anchorHref(tag) : undefined;
    const lang = href === undefined ? undefined : languageOf(href);
    return lang === undefined ? tag : `${tag.slice(0, -1)} hreflang="${lang}">`;
  });
}

/**
 * What markOtherEditionLinks adds to a body, as text: each marked address
 * with its language. It depends on which pages other issues make (a
 * translation added or removed), so a body's cache key names it.
 */
export function otherEditionLinks(body: RenderedBody, languageOf: LinkLanguage): string {
  return body.links.flatMap((link) => {
    const lang = link.kind === "link" ? languageOf(link.url) : undefined;
    return lang === undefined ? [] : [`${link.url}\u0000${lang}`];
  }).join("\u0001");
}
