import { editionsOf, type Edition, type Site, type SiteIssue } from "../site/model.js";
import { ROUTES } from "../site/urls.js";
import { localeFor, siteText, viewContext, type PageSpec, type RenderEnv } from "./env.js";
import { issuePage } from "./issue-page.js";
import { editionPages, type ListPage } from "./list-pages.js";
import { sharedCards, url } from "./views.js";
import { groupBy } from "../group-by.js";
import { homesWithout } from "./edition-homes.js";
import type { Alternate } from "../site/alternates.js";

export { localeFor, viewContext, siteText, type Alternate, type PageSpec, type RenderEnv } from "./env.js";
export { issueAlternates, issueBody, issuePage } from "./issue-page.js";
export { renderPage } from "./render-page.js";
export { isViewData } from "./views.js";

/**
 * Every HTML page of the site, as data: each language's pages (the site's
 * at the root, a translation's under /<lang>/), each linked to its versions
 * in the other languages, and one 404 page.
 */
export function pageSpecs(site: Site, env: RenderEnv, bodies: Map<SiteIssue, string>): PageSpec[] {
  const editions = editionsOf(site).map((edition) => ({ edition, card: sharedCards(viewContext(env, edition.lang)) }));
  const lists = editions.map(({ edition, card }) => editionPages(edition, site, env, card));
  const homes = editionHomes(site);
  withAlternates(lists.flat(), homes);
  const t = localeFor(env, env.config.lang).pack.strings;
  const notFound: PageSpec = {
    route: ROUTES.notFound, template: "404", lang: env.config.lang, contentLang: env.config.lang, title: t.notFoundTitle ?? "notFoundTitle",
    description: siteText(env.config, env.config.lang).description, type: "website", image: "", alternates: [], homes: [],
    data: { editions: editions.filter(({ edition }) => edition.lang !== env.config.lang).map(({ edition }) => notFoundIn(edition, env)) },
  };
  return editions.flatMap(({ edition, card }, i) => [...(lists[i] ?? []).map((p) => p.spec), ...edition.issues.map((entry) => issuePage(entry, env, bodies, homes, card))]).concat(notFound);
}

/**
 * The 404 page's words and ways on in a translation's language. A site has
 * one 404 page (/404.html, the one every static host serves for any missing
 * address, /en/… included), in the site's language: a reader of the English
 * edition who mistyped an address, or tried one of an issue not translated
 * yet, would read it in Japanese with no way back to their edition.
 */
function notFoundIn(edition: Edition, env: RenderEnv) {
  const t = localeFor(env, edition.lang).pack.strings;
  const link = (route: string) => url(env.config.basePath, route);
  return {
    lang: edition.lang, title: t.notFoundTitle ?? "notFoundTitle", text: t.notFoundText ?? "notFoundText",
    backHome: t.backHome ?? "backHome", archive: t.archive ?? "archive", search: t.search ?? "search",
    homeUrl: link(edition.routes.home), archiveUrl: link(edition.routes.archive), searchUrl: link(edition.routes.search),
  };
}

/** Every edition's front page, the site's language first (see edition-homes.ts). */
export function editionHomes(site: Site): Alternate[] {
  return editionsOf(site).map((edition) => ({ lang: edition.lang, route: edition.routes.home }));
}

/**
 * Pages with the same id in several languages list each other as alternates
 * (the site's language first, as editions come); a page missing from an
 * edition offers that edition's front page instead.
 */
function withAlternates(pages: readonly ListPage[], homes: readonly Alternate[]): void {
  for (const group of groupBy(pages, (page) => page.id).values()) {
    const alternates = group.length < 2 ? [] : group.map((page) => ({ lang: page.spec.lang, route: page.spec.route }));
    const missing = homesWithout(homes, group.map((page) => page.spec.lang));
    for (const page of group) {
      page.spec.alternates = alternates;
      page.spec.homes = missing;
    }
  }
}
