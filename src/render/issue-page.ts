import type { SiteIssue } from "../site/model.js";
import { siteUrl } from "../site/urls.js";
import type { PageLanguages } from "../site/page-languages.js";
import { linkLanguageIn } from "./other-edition-links.js";
import { issueBodyHtml, issueToc } from "./issue-html.js";
import { siteText, viewContext, type Alternate, type PageSpec, type RenderEnv } from "./env.js";
import { homesWithout } from "./edition-homes.js";
import { correctionNote } from "./original-correction.js";
import { byline, issueCard, titleWithLabel, url, type Card } from "./views.js";

/** An issue's language versions as page alternates (none when it is not translated). */
export function issueAlternates(entry: SiteIssue): Alternate[] {
  return entry.versions.length < 2 ? [] : entry.versions.map((version) => ({ lang: version.issue.lang, route: version.route }));
}

/**
 * An issue's page, all in the issue's language: its content, and the chrome
 * of its language's edition around it. `homes`: every edition's front page
 * (the switch offers those it is not translated into); `cardOf` gives the
 * cards of its edition (the same objects its lists show).
 */
export function issuePage(entry: SiteIssue, env: RenderEnv, bodies: ReadonlyMap<SiteIssue, string>, homes: readonly Alternate[], cardOf?: Card): PageSpec {
  const view = viewContext(env, entry.issue.lang);
  const cardFor = cardOf ?? ((other: SiteIssue) => issueCard(other, view));
  const card = cardFor(entry);
  return {
    route: entry.route,
    template: "issue",
    lang: entry.issue.lang,
    contentLang: entry.issue.lang,
    title: titleWithLabel(entry.issue.title, card.label),
    description: entry.issue.summary || siteText(env.config, entry.issue.lang).description,
    type: "article",
    image: issueImage(entry, env),
    alternates: issueAlternates(entry),
    homes: homesWithout(homes, entry.versions.map((version) => version.issue.lang)),
    data: {
      issue: card,
      byline: byline(card.authors, view),
      // In the data, so in the page's cache key: the original's correction re-renders the translation's page.
      correction: correctionNote(entry, view, (route) => url(env.config.basePath, route)),
      html: bodies.get(entry) ?? "",
      toc: issueToc(entry, view),
      previous: entry.previous ? cardFor(entry.previous) : null,
      next: entry.next ? cardFor(entry.next) : null,
    },
  };
}

/** The issue's first picture in a format sharing sites show (not SVG), else the site's default image. */
function issueImage(entry: SiteIssue, env: RenderEnv): string {
  const { config } = env;
  const pageUrl = siteUrl(config, entry.route);
  const first = entry.body.links.find((l) => l.kind === "image" && /\.(png|jpe?g|gif|webp)(?:[?#]|$)/i.test(l.url));
  if (first !== undefined) return new URL(first.url, pageUrl).href;
  return config.image === "" ? "" : siteUrl(config, config.image);
}

/**
 * An issue's body with its blocks filled in, in the issue's language (for its
 * page, the feeds and the email), its links to other editions' `pages` marked.
 */
export function issueBody(env: RenderEnv, entry: SiteIssue, pages: PageLanguages): string {
  return issueBodyHtml(env.liquid, entry, viewContext(env, entry.issue.lang), url(env.config.basePath, entry.route), linkLanguageIn(env, pages, entry));
}
