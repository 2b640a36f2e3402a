import { editionsOf, type Site, type SiteIssue } from "../site/model.js";
import { ROUTES } from "../site/urls.js";
import { localeFor, siteText, viewContext, type PageSpec, type RenderEnv } from "./env.js";
import { issuePage } from "./issue-page.js";
import { editionPages, type ListPage } from "./list-pages.js";
import { sharedCards } from "./views.js";
import { groupBy } from "../group-by.js";

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
  withAlternates(lists.flat());
  const t = localeFor(env, env.config.lang).pack.strings;
  const notFound: PageSpec = {
    route: ROUTES.notFound, template: "404", lang: env.config.lang, contentLang: env.config.lang, title: t.notFoundTitle ?? "notFoundTitle",
    description: siteText(env.config, env.config.lang).description, type: "website", image: "", alternates: [], data: {},
  };
  return editions.flatMap(({ edition, card }, i) => [...(lists[i] ?? []).map((p) => p.spec), ...edition.issues.map((entry) => issuePage(entry, env, bodies, card))]).concat(notFound);
}

/** Pages with the same id in several languages list each other as alternates (the site's language first, as editions come). */
function withAlternates(pages: readonly ListPage[]): void {
  for (const group of groupBy(pages, (page) => page.id).values()) {
    if (group.length < 2) continue;
    const alternates = group.map((page) => ({ lang: page.spec.lang, route: page.spec.route }));
    for (const page of group) page.spec.alternates = alternates;
  }
}
