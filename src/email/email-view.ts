import { emailHeadersFor } from "../config-email.js";
import type { SiteIssue } from "../site/model.js";
import { siteUrl as absoluteSiteUrl } from "../site/urls.js";
import { localeFor, siteText, viewContext, type RenderEnv } from "../render/pages.js";
import { byline, issueCard } from "../render/views.js";
import { correctionNote } from "../render/original-correction.js";
import { blockTocText } from "../render/issue-html.js";
import { headingText, shownContents } from "../render/footnote-text.js";
import type { ViewContext } from "../render/views.js";

/**
 * Invisible filler after the preheader: without it, inbox previews run on
 * into the first lines of the body ("View in browser", the site name…).
 */
const PREHEADER_PADDING = "\u00a0\u200c".repeat(80);

/** Absolute URL of a site route: the config `url` origin plus the base path. */
export function siteUrl(env: RenderEnv, route: string): string {
  return absoluteSiteUrl(env.config, route);
}

/**
 * What templates/email/issue.liquid sees. Every URL in it is absolute, and
 * nothing depends on other issues or on "today", so an issue's email is the
 * same whichever build (or `gekkan email`) makes it.
 */
export function emailView(entry: SiteIssue, env: RenderEnv, html: string): Record<string, unknown> {
  const locale = localeFor(env, entry.issue.lang);
  const view = viewContext(env, entry.issue.lang);
  const card = issueCard(entry, view);
  const { config } = env;
  const headers = emailHeadersFor(config, entry.issue.lang);
  const unsubscribe = headers.listUnsubscribe;
  const webUrl = siteUrl(env, entry.route);
  const at = (id: string) => new URL(`#${id}`, webUrl).href;
  const text = siteText(config, entry.issue.lang);
  return {
    t: locale.pack.strings,
    site: { title: text.title, description: text.description, titleLang: text.titleLang, descriptionLang: text.descriptionLang },
    issue: { ...card, url: webUrl, draft: false, future: false },
    byline: byline(card.authors, view),
    // A translation's original corrected after it, as its page says (the key in pipeline/emails.ts holds the day).
    correction: correctionNote(entry, view, (route) => siteUrl(env, route)),
    // The home page in the issue's language.
    homeUrl: siteUrl(env, view.routes.home),
    webUrl,
    // The page's "in this issue" list (or, without blocks, its contents), linking to the web page.
    sections: blockSections(entry, view).map((section) => ({ ...section, items: section.items.map((item) => ({ text: item.text, url: at(item.id) })) })),
    toc: shownContents(entry.body.headings).map((heading) => ({ depth: heading.depth, text: headingText(heading, view.locale), url: at(heading.id) })),
    preheader: entry.issue.summary || text.description,
    preheaderPadding: PREHEADER_PADDING,
    // A link a reader can follow: the web page if there is one, else the mailto.
    unsubscribeUrl: unsubscribe.find((u) => !u.startsWith("mailto:")) ?? unsubscribe[0] ?? "",
    // A reader the issue was forwarded to is not on the list: where to join it (config email.subscribe).
    subscribeUrl: headers.subscribe ?? "",
    html,
  };
}

/** The issue's blocks grouped as an inbox reader scans them: news, compatibility, STONITH. */
function blockSections(entry: SiteIssue, view: ViewContext): Array<{ kind: string; label: string; items: Array<{ id: string; text: string }> }> {
  const t = view.locale.pack.strings;
  const kinds = [["release", t.releaseNews], ["qa", t.compatibility], ["stonith", t.stonithNotes]] as const;
  return kinds
    .map(([kind, label]) => ({ kind, label: label ?? kind, items: entry.body.blocks.filter((b) => b.kind === kind).map((b) => ({ id: b.id, text: blockTocText(b, view) })) }))
    .filter((section) => section.items.length > 0);
}
