import type { Liquid } from "liquidjs";
import type { SiteConfig } from "../config.js";
import type { Site, SiteIssue } from "../site/model.js";
import { ROUTES, absoluteUrl } from "../site/urls.js";
import { shardDirs } from "../site/search-index.js";
import type { Locale } from "./locale.js";
import { issueBodyHtml, sectionToc } from "./issue-html.js";
import { issueCard, url, type ViewContext } from "./views.js";

export interface RenderEnv {
  config: SiteConfig;
  liquid: Liquid;
  locales: Map<string, Locale>;
  today: string;
  styleUrl: string;
}

export interface PageSpec {
  route: string;
  template: string;
  lang: string;
  title: string;
  description: string;
  type: "website" | "article";
  data: Record<string, unknown>;
}

export function localeFor(env: RenderEnv, lang: string): Locale {
  const locale = env.locales.get(lang) ?? env.locales.get(env.config.lang);
  if (!locale) throw new Error(`gekkan bug: no locale for ${lang}`);
  return locale;
}

export function viewContext(env: RenderEnv, lang: string): ViewContext {
  return { basePath: env.config.basePath, today: env.today, locale: localeFor(env, lang) };
}

/** Every HTML page of the site, as data. */
export function pageSpecs(site: Site, env: RenderEnv, bodies: Map<SiteIssue, string>): PageSpec[] {
  const { config } = env;
  const lang = config.lang;
  const view = viewContext(env, lang);
  const t = view.locale.pack.strings;
  // One card per issue, shared by every list it appears in (home, archive, year, component pages): ~5 lists × 4,000 issues otherwise.
  const cards = new Map<SiteIssue, ReturnType<typeof issueCard>>();
  const card = (entry: SiteIssue) => {
    let made = cards.get(entry);
    if (made === undefined) cards.set(entry, (made = issueCard(entry, view)));
    return made;
  };
  const latest = site.issues[0];
  const anchor = (route: string) => url(config.basePath, route);
  const str = (key: string) => t[key] ?? key;

  const specs: PageSpec[] = [
    {
      route: ROUTES.home, template: "index", lang, title: config.title, description: config.description, type: "website",
      data: { latest: latest ? card(latest) : null, recent: site.issues.slice(1, 11).map(card), total: site.issues.length },
    },
    {
      route: ROUTES.archive, template: "archive", lang, title: str("archive"), description: config.description, type: "website",
      data: { years: site.years.map((y) => ({ year: y.year, url: anchor(ROUTES.year(y.year)), issues: y.issues.map(card), label: fillYear(str("archiveYear"), y.year) })) },
    },
    ...site.years.map((y): PageSpec => ({
      route: ROUTES.year(y.year), template: "archive-year", lang, title: fillYear(str("archiveYear"), y.year), description: config.description, type: "website",
      data: { year: y.year, issues: y.issues.map(card), years: site.years.map((o) => ({ year: o.year, url: anchor(ROUTES.year(o.year)), current: o.year === y.year })) },
    })),
    ...site.issues.map((entry) => issuePage(entry, env, bodies)),
    {
      route: ROUTES.releases, template: "releases", lang, title: str("releases"), description: config.description, type: "website",
      data: { groups: site.releases.map((g) => ({ component: g.component, url: anchor(ROUTES.component(g.component)), entries: g.entries.map((e) => ({ ...e.block, statusLabel: view.locale.status(e.block.status), dateLabel: view.locale.formatDate(e.block.date || e.source.issue.issue.date), issue: card(e.source.issue), anchorUrl: anchor(e.source.anchorRoute) })) })) },
    },
    {
      route: ROUTES.compat, template: "compat", lang, title: str("compat"), description: config.description, type: "website",
      data: { groups: site.compat.map((g) => ({ component: g.component, url: anchor(ROUTES.component(g.component)), entries: g.entries.map((e) => ({ ...e.block, issue: card(e.source.issue), anchorUrl: anchor(e.source.anchorRoute) })) })) },
    },
    {
      route: ROUTES.stonith, template: "stonith", lang, title: str("stonith"), description: config.description, type: "website",
      data: {
        rows: site.stonith.map((d) => ({
          device: d.device, vendor: d.current.block.vendor, hardware: d.current.block.hardware, plugin: d.current.block.plugin,
          issue: card(d.current.source.issue), anchorUrl: anchor(d.current.source.anchorRoute),
          history: d.history.map((h) => ({ plugin: h.block.plugin, hardware: h.block.hardware, superseded: h.superseded, issue: card(h.source.issue), anchorUrl: anchor(h.source.anchorRoute) })),
        })),
      },
    },
    {
      route: ROUTES.components, template: "components", lang, title: str("components"), description: config.description, type: "website",
      data: { components: site.components.map((c) => ({ name: c.name, url: anchor(ROUTES.component(c.name)), issues: c.issues.length, releases: c.releases.length, qa: c.qa.length })) },
    },
    ...site.components.map((c): PageSpec => ({
      route: ROUTES.component(c.name), template: "component", lang, title: c.name, description: config.description, type: "website",
      data: {
        name: c.name,
        feedUrl: anchor(ROUTES.componentFeed(c.name)),
        issues: c.issues.map(card),
        releases: c.releases.map((e) => ({ ...e.block, statusLabel: view.locale.status(e.block.status), dateLabel: view.locale.formatDate(e.block.date || e.source.issue.issue.date), issue: card(e.source.issue), anchorUrl: anchor(e.source.anchorRoute) })),
        qa: c.qa.map((e) => ({ ...e.block, issue: card(e.source.issue), anchorUrl: anchor(e.source.anchorRoute) })),
        stonith: c.stonith.map((e) => ({ ...e.block, issue: card(e.source.issue), anchorUrl: anchor(e.source.anchorRoute) })),
      },
    })),
    { route: ROUTES.notFound, template: "404", lang, title: str("notFoundTitle"), description: config.description, type: "website", data: {} },
  ];
  if (config.search) {
    // Index parts other than the primary are merged in by the search page (see search-index.ts).
    const merged = [...shardDirs(site.issues.map((i) => i.issue.number), config.searchShardSize).values()].filter((dir) => dir !== "").map((dir) => anchor(`pagefind/${dir}`));
    specs.push({ route: ROUTES.search, template: "search", lang, title: str("search"), description: config.description, type: "website", data: { bundleUrl: anchor("pagefind/"), mergeUrls: merged.join(" ") } });
  }
  return specs;
}

function fillYear(template: string, year: string): string {
  return template.replace("{year}", year);
}

export function issuePage(entry: SiteIssue, env: RenderEnv, bodies: ReadonlyMap<SiteIssue, string>): PageSpec {
  const view = viewContext(env, entry.issue.lang);
  const card = issueCard(entry, view);
  return {
    route: entry.route,
    template: "issue",
    lang: entry.issue.lang,
    title: `${entry.issue.title} (${card.label})`,
    description: entry.issue.summary || env.config.description,
    type: "article",
    data: {
      issue: card,
      html: bodies.get(entry) ?? "",
      toc: entry.body.headings,
      sections: sectionToc(entry, view.locale),
      previous: entry.previous ? issueCard(entry.previous, view) : null,
      next: entry.next ? issueCard(entry.next, view) : null,
    },
  };
}

/** An issue's body with its blocks filled in, in the issue's language (for its page and the feeds). */
export function issueBody(env: RenderEnv, entry: SiteIssue): string {
  return issueBodyHtml(env.liquid, entry, localeFor(env, entry.issue.lang), url(env.config.basePath, entry.route));
}

/** One page spec → HTML, through its template with the shared `site`/`page`/`t` data. */
export function renderPage(spec: PageSpec, env: RenderEnv): string {
  const { config } = env;
  const locale = localeFor(env, spec.lang);
  const pageUrl = url(config.basePath, spec.route);
  const nav = [
    { key: "archive", route: ROUTES.archive },
    { key: "releases", route: ROUTES.releases },
    { key: "compat", route: ROUTES.compat },
    { key: "stonith", route: ROUTES.stonith },
    ...(config.search ? [{ key: "search", route: ROUTES.search }] : []),
  ].map((item) => ({ label: locale.pack.strings[item.key] ?? item.key, url: url(config.basePath, item.route), current: item.route === spec.route }));
  const html = env.liquid.renderFileSync(spec.template, {
    ...spec.data,
    t: locale.pack.strings,
    site: {
      title: config.title,
      description: config.description,
      lang: config.lang,
      homeUrl: url(config.basePath, ""),
      styleUrl: env.styleUrl,
      search: config.search,
      searchUrl: url(config.basePath, ROUTES.search),
      feeds: { atom: url(config.basePath, ROUTES.atom), rss: url(config.basePath, ROUTES.rss), json: url(config.basePath, ROUTES.jsonFeed) },
      nav,
    },
    page: {
      title: spec.title,
      fullTitle: spec.route === ROUTES.home ? config.title : `${spec.title} | ${config.title}`,
      lang: spec.lang,
      url: pageUrl,
      canonical: absoluteUrl(config.origin, pageUrl),
      description: spec.description,
      type: spec.type,
      noindex: spec.route === ROUTES.notFound,
    },
  });
  return html;
}
