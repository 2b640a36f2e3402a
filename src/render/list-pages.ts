import type { ComponentSummary, Edition, QaEntry, ReleaseEntry, Site, SiteIssue, StonithDevice, StonithEntry } from "../site/model.js";
import { ROUTES, siteUrl } from "../site/urls.js";
import { searchesByLanguage, shardDirs } from "../site/search-index.js";
import { fill } from "./locale.js";
import { tableText } from "./issue-html.js";
import { scrollBoxes } from "./scroll-boxes.js";
import { pageLinksAway } from "../site/page-links-away.js";
import { localeFor, siteText, viewContext, type PageSpec, type RenderEnv } from "./env.js";
import { componentLink, leavesEdition, releaseTitle, url, viewData, type Card, type ViewContext } from "./views.js";

/** A page and what it is in every language ("archive", "year:2011"): pages with the same id are one page's language versions. */
export interface ListPage {
  id: string;
  spec: PageSpec;
}

/** What every list-page builder needs: the edition, its view, one shared card per issue, strings. */
interface ListContext {
  env: RenderEnv;
  edition: Edition;
  view: ViewContext;
  card: Card;
  anchor: (route: string) => string;
  str: (key: string) => string;
  /**
   * One view object per entry: /releases/ and a component page show the same
   * row (made from the same entry with the same context), so it is made, and
   * its digest taken (render-pages.ts), once per run rather than once per page.
   */
  once: <E extends object, R>(entry: E, make: (entry: E, context: ListContext) => R) => R;
  /** A website page in the edition's language with its own description and the default sharing image. */
  page: (id: string, route: string, template: string, title: string, description: string, data: Record<string, unknown>) => ListPage;
}

/** Every page of one language but its issues: index, archive, years, reference pages, component pages, search. */
export function editionPages(edition: Edition, site: Site, env: RenderEnv, cards: Card): ListPage[] {
  const context = listContext(edition, env, cards);
  const { str, page, card, view } = context;
  const routes = edition.routes;
  const latest = edition.issues[0];
  const text = siteText(env.config, edition.lang);
  const pages: ListPage[] = [
    page("home", routes.home, "index", text.title, text.description, { latest: latest ? card(latest) : null, recent: edition.issues.slice(1, 11).map(card), total: edition.issues.length, untranslated: untranslatedNote(site, context) }),
    ...archivePages(context),
    page("releases", routes.releases, "releases", str("releases"), str("releasesDescription"), { rows: edition.releases.map((e) => context.once(e, releaseRow)), dataLink: dataLink("releases", site, context) }),
    page("compat", routes.compat, "compat", str("compat"), str("compatDescription"), {
      dataLink: dataLink("compat", site, context),
      entries: edition.compat.map((e) => context.once(e, qaEntry)),
      components: edition.components.filter((c) => c.qa.length > 0).map((c) => ({ ...componentLink(c.name, view), qaUrl: `${context.anchor(routes.component(c.name))}#c-qa`, count: c.qa.length })),
    }),
    page("stonith", routes.stonith, "stonith", str("stonith"), str("stonithDescription"), { rows: edition.stonith.map((d) => stonithRow(d, context)), dataLink: dataLink("stonith", site, context) }),
    page("components", routes.components, "components", str("components"), str("componentsDescription"), {
      components: edition.components.map((c) => ({ ...componentLink(c.name, view), issues: c.listed.length, releases: c.releases.length, qa: c.qa.length })),
    }),
    ...edition.components.map((c) => componentPage(c, context)),
  ];
  if (env.config.search) {
    // One index for every language, in parts by issue number (every number has its original). Parts other than the primary are merged in by the search page (see search-index.ts).
    const merged = [...shardDirs(site.issues.map((entry) => entry.issue.number), env.config.searchShardSize).values()].filter((dir) => dir !== "").map((dir) => context.anchor(`${ROUTES.searchBundle}${dir}`));
    pages.push(page("search", routes.search, "search", str("search"), str("searchDescription"), {
      bundleUrl: context.anchor(ROUTES.searchBundle), phrasesUrl: context.anchor(ROUTES.phrases), mergeUrls: merged.join(" "), nothingPublished: site.issues.length === 0,
      // The language this edition's search lists unless the reader asks for all; empty on a site in one language, which has no such choice.
      searchLang: searchesByLanguage(site) ? edition.lang : "",
      searchOthers: searchOthersWords(site, context),
    }));
  }
  return pages;
}

function listContext(edition: Edition, env: RenderEnv, card: Card): ListContext {
  const { config } = env;
  const view = viewContext(env, edition.lang);
  const t = localeFor(env, edition.lang).pack.strings;
  const image = config.image === "" ? "" : siteUrl(config, config.image);
  const made = new Map<object, Map<unknown, unknown>>();
  const context: ListContext = {
    env, edition, view, card,
    once(entry, make) {
      let rows = made.get(make);
      if (rows === undefined) made.set(make, (rows = new Map()));
      if (!rows.has(entry)) rows.set(entry, make(entry, context));
      return rows.get(entry) as ReturnType<typeof make>;
    },
    anchor: (route) => url(config.basePath, route),
    str: (key) => t[key] ?? key,
    page: (id, route, template, title, description, data) => ({ id, spec: { route, template, lang: edition.lang, contentLang: edition.lang, title, description, type: "website", image, alternates: [], homes: [], data } }),
  };
  return context;
}

/**
 * A reference page's "Data (JSON)" link: /data/ holds the site's originals
 * (data-json.ts), so from a translation's page it leaves the reader's edition
 * and is marked as the page's other such links are (leavesEdition).
 */
function dataLink(name: string, site: Site, { anchor, view }: ListContext) {
  return { url: anchor(ROUTES.data(name)), ...leavesEdition(site.lang, view) };
}

/**
 * A translation's front page says how many of the site's issues it does not
 * have yet, in the reader's words, and links the original edition's archive:
 * otherwise an English reader would take the few English issues for the whole
 * newsletter. Null in the site's own edition and when every issue is
 * translated. Every original has at most one version per language, and a
 * translation is published only with its original, so the count is a
 * difference of lengths, not a walk over the issues.
 */
function untranslatedNote(site: Site, { edition, view, str, anchor }: ListContext) {
  const count = site.issues.length - edition.issues.length;
  if (edition.lang === site.lang || count <= 0) return null;
  const language = view.languageName(site.lang);
  const one = new Intl.PluralRules(view.locale.pack.intl).select(count) === "one";
  return {
    text: fill(str(one ? "untranslatedIssue" : "untranslatedIssues"), { count, language }),
    link: fill(str("otherArchive"), { language }),
    url: anchor(site.routes.archive), lang: site.lang,
  };
}

/**
 * What a search page says under its results when the other languages have
 * more of them than its own (none, for a word only in an issue not yet
 * translated), with a button that adds them: the page's language named,
 * `{count}` left for the page's script, which counts (search.liquid); one
 * pattern for a count of 1, where the language has such a form
 * (Intl.PluralRules, as the front page's note). Null on a site in one
 * language, whose search lists every issue.
 */
function searchOthersWords(site: Site, { edition, view, str }: ListContext) {
  if (!searchesByLanguage(site)) return null;
  const words = (key: string) => fill(str(key), { language: view.languageName(edition.lang) });
  return { noneOne: words("searchOthersNoneOne"), noneMany: words("searchOthersNoneMany"), moreOne: words("searchOthersMoreOne"), moreMany: words("searchOthersMoreMany"), show: str("searchShowOthers") };
}

function archivePages({ edition, card, anchor, str, page }: ListContext): ListPage[] {
  const yearTitle = (year: string) => fill(str("archiveYear"), { year });
  const routes = edition.routes;
  return [
    page("archive", routes.archive, "archive", str("archive"), str("archiveDescription"), {
      years: edition.years.map((y) => ({ year: y.year, url: anchor(routes.year(y.year)), issues: y.issues.map(card), label: yearTitle(y.year) })),
    }),
    ...edition.years.map((y) => page(`year:${y.year}`, routes.year(y.year), "archive-year", yearTitle(y.year), fill(str("archiveYearDescription"), { year: y.year }), {
      year: y.year, issues: y.issues.map(card), years: edition.years.map((o) => ({ year: o.year, url: anchor(routes.year(o.year)), current: o.year === y.year })),
    })),
  ];
}

function componentPage(c: ComponentSummary, context: ListContext): ListPage {
  const { anchor, card, str, view, edition } = context;
  const link = componentLink(c.name, view);
  return context.page(`component:${c.name}`, edition.routes.component(c.name), "component", link.label, fill(str("componentDescription"), { component: link.label }), {
    name: c.name,
    label: link.label,
    feedUrl: anchor(edition.routes.componentFeed(c.name)),
    issues: c.listed.map(card),
    releases: c.releases.map((e) => context.once(e, releaseRow)),
    qa: c.qa.map((e) => context.once(e, qaEntry)),
    stonith: c.stonith.map((e) => stonithNote(e, context)),
  });
}

/** One row of /releases/ (and of a component page): the version column holds the version only. */
function releaseRow(e: ReleaseEntry, context: ListContext) {
  const { view, card, anchor } = context;
  const b = e.block;
  const component = componentLink(b.component, view);
  return viewData({
    component, version: b.version, status: b.status, statusLabel: view.locale.status(b.status),
    title: releaseTitle(b, component.label),
    // Only the release's own date: a planned release without one has no date, whatever its issue's.
    date: b.date, dateLabel: b.date === "" ? "" : view.locale.formatDate(b.date),
    lang: e.source.issue.issue.lang, ...leavesEdition(e.source.issue.issue.lang, view), issue: card(e.source.issue), anchorUrl: anchor(e.source.anchorRoute),
  });
}

function qaEntry(e: QaEntry, context: ListContext) {
  const { env, view, card, anchor } = context;
  const b = e.block;
  const lang = e.source.issue.issue.lang;
  const issuePage = anchor(e.source.issue.route);
  return viewData({
    questionText: b.questionText, versions: b.versions,
    // Shown here, away from the issue: its links to places on the page lead to the issue's page (page-links-away.ts).
    questionDetailHtml: scrollBoxes(pageLinksAway(b.questionDetailHtml, issuePage), tableText(localeFor(env, lang))),
    answerHtml: scrollBoxes(pageLinksAway(b.answerHtml, issuePage), tableText(localeFor(env, lang))),
    components: b.components.map((name) => componentLink(name, view)),
    lang, ...leavesEdition(lang, view), issue: card(e.source.issue), anchorUrl: anchor(e.source.anchorRoute),
  });
}

function stonithNote(e: StonithEntry, context: ListContext) {
  const { card, anchor, view } = context;
  return viewData({ ...e.block, lang: e.source.issue.issue.lang, ...leavesEdition(e.source.issue.issue.lang, view), issue: card(e.source.issue), anchorUrl: anchor(e.source.anchorRoute) });
}

function stonithRow(d: StonithDevice, context: ListContext) {
  const { card, anchor, view } = context;
  const { block, source } = d.current;
  return viewData({
    device: d.device, vendor: block.vendor, hardware: block.hardware, plugin: block.plugin, lang: source.issue.issue.lang, ...leavesEdition(source.issue.issue.lang, view),
    issue: card(source.issue), anchorUrl: anchor(source.anchorRoute),
    // Each a view's data: a device's history is rendered in runs (loop-memo.ts), as it grows by one statement at a time.
    history: d.history.map((h) => viewData({
      plugin: h.block.plugin, hardware: h.block.hardware, superseded: h.superseded, lang: h.source.issue.issue.lang, ...leavesEdition(h.source.issue.issue.lang, view),
      issue: card(h.source.issue), anchorUrl: anchor(h.source.anchorRoute),
    })),
  });
}
