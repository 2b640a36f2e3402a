import type { Liquid } from "liquidjs";
import type { SiteConfig } from "../config.js";
import type { ComponentSummary, QaEntry, ReleaseEntry, Site, SiteIssue, StonithDevice, StonithEntry } from "../site/model.js";
import { ROUTES, absoluteUrl, siteUrl } from "../site/urls.js";
import { shardDirs } from "../site/search-index.js";
import { fill, type Locale } from "./locale.js";
import { issueBodyHtml, issueToc, tableText } from "./issue-html.js";
import { scrollBoxes } from "./scroll-boxes.js";
import { componentLink, issueCard, titleWithLabel, url, type IssueCard, type ViewContext } from "./views.js";

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
  /** The language of the page's chrome (menus, labels, `<html lang>`): always the site's. */
  lang: string;
  /** The language of the page's main content: an issue's own, else the site's. */
  contentLang: string;
  title: string;
  description: string;
  type: "website" | "article";
  /** Absolute URL of the image shown when the page is shared ("" = none). */
  image: string;
  data: Record<string, unknown>;
}

export function localeFor(env: RenderEnv, lang: string): Locale {
  const locale = env.locales.get(lang) ?? env.locales.get(env.config.lang);
  if (!locale) throw new Error(`gekkan bug: no locale for ${lang}`);
  return locale;
}

export function viewContext(env: RenderEnv, lang: string): ViewContext {
  return { basePath: env.config.basePath, today: env.today, locale: localeFor(env, lang), componentNames: env.config.componentNames };
}

type Card = (entry: SiteIssue) => IssueCard;

/** What every list-page builder needs: the site-language view, one shared card per issue, strings. */
interface ListContext {
  env: RenderEnv;
  view: ViewContext;
  card: Card;
  anchor: (route: string) => string;
  str: (key: string) => string;
  /** A website page in the site's language with its own description and the default sharing image. */
  page: (route: string, template: string, title: string, description: string, data: Record<string, unknown>) => PageSpec;
}

/** Every HTML page of the site, as data. */
export function pageSpecs(site: Site, env: RenderEnv, bodies: Map<SiteIssue, string>): PageSpec[] {
  const { config } = env;
  const view = viewContext(env, config.lang);
  const t = view.locale.pack.strings;
  // One card per issue, shared by every list it appears in (home, archive, year, component pages): ~5 lists × 4,000 issues otherwise.
  const cards = new Map<SiteIssue, IssueCard>();
  const card: Card = (entry) => {
    let made = cards.get(entry);
    if (made === undefined) cards.set(entry, (made = issueCard(entry, view)));
    return made;
  };
  const image = config.image === "" ? "" : siteUrl(config, config.image);
  const context: ListContext = {
    env, view, card,
    anchor: (route) => url(config.basePath, route),
    str: (key) => t[key] ?? key,
    page: (route, template, title, description, data) => ({ route, template, lang: config.lang, contentLang: config.lang, title, description, type: "website", image, data }),
  };
  const { str, page } = context;
  const latest = site.issues[0];
  const specs: PageSpec[] = [
    page(ROUTES.home, "index", config.title, config.description, { latest: latest ? card(latest) : null, recent: site.issues.slice(1, 11).map(card), total: site.issues.length }),
    ...archivePages(site, context),
    ...site.issues.map((entry) => issuePage(entry, env, bodies)),
    page(ROUTES.releases, "releases", str("releases"), str("releasesDescription"), { rows: site.releases.map((e) => releaseRow(e, context)) }),
    page(ROUTES.compat, "compat", str("compat"), str("compatDescription"), {
      entries: site.compat.map((e) => qaEntry(e, context)),
      components: site.components.filter((c) => c.qa.length > 0).map((c) => ({ ...componentLink(c.name, view), qaUrl: `${context.anchor(ROUTES.component(c.name))}#c-qa`, count: c.qa.length })),
    }),
    page(ROUTES.stonith, "stonith", str("stonith"), str("stonithDescription"), { rows: site.stonith.map((d) => stonithRow(d, context)) }),
    page(ROUTES.components, "components", str("components"), str("componentsDescription"), {
      components: site.components.map((c) => ({ ...componentLink(c.name, view), issues: c.issues.length, releases: c.releases.length, qa: c.qa.length })),
    }),
    ...site.components.map((c) => componentPage(c, context)),
    page(ROUTES.notFound, "404", str("notFoundTitle"), config.description, {}),
  ];
  if (config.search) {
    // Index parts other than the primary are merged in by the search page (see search-index.ts).
    const merged = [...shardDirs(site.issues.map((i) => i.issue.number), config.searchShardSize).values()].filter((dir) => dir !== "").map((dir) => context.anchor(`pagefind/${dir}`));
    specs.push(page(ROUTES.search, "search", str("search"), str("searchDescription"), { bundleUrl: context.anchor("pagefind/"), mergeUrls: merged.join(" ") }));
  }
  return specs;
}

function archivePages(site: Site, { card, anchor, str, page }: ListContext): PageSpec[] {
  const yearTitle = (year: string) => fill(str("archiveYear"), { year });
  return [
    page(ROUTES.archive, "archive", str("archive"), str("archiveDescription"), {
      years: site.years.map((y) => ({ year: y.year, url: anchor(ROUTES.year(y.year)), issues: y.issues.map(card), label: yearTitle(y.year) })),
    }),
    ...site.years.map((y) => page(ROUTES.year(y.year), "archive-year", yearTitle(y.year), fill(str("archiveYearDescription"), { year: y.year }), {
      year: y.year, issues: y.issues.map(card), years: site.years.map((o) => ({ year: o.year, url: anchor(ROUTES.year(o.year)), current: o.year === y.year })),
    })),
  ];
}

function componentPage(c: ComponentSummary, context: ListContext): PageSpec {
  const { anchor, card, str, view } = context;
  const link = componentLink(c.name, view);
  return context.page(ROUTES.component(c.name), "component", link.label, fill(str("componentDescription"), { component: link.label }), {
    name: c.name,
    label: link.label,
    feedUrl: anchor(ROUTES.componentFeed(c.name)),
    issues: c.issues.map(card),
    releases: c.releases.map((e) => releaseRow(e, context)),
    qa: c.qa.map((e) => qaEntry(e, context)),
    stonith: c.stonith.map((e) => stonithNote(e, context)),
  });
}

/** One row of /releases/ (and of a component page): the version column holds the version only. */
function releaseRow(e: ReleaseEntry, { view, card, anchor }: ListContext) {
  const b = e.block;
  const component = componentLink(b.component, view);
  return {
    component, version: b.version, status: b.status, statusLabel: view.locale.status(b.status),
    title: b.title || [component.label, b.version].filter(Boolean).join(" "),
    // Only the release's own date: a planned release without one has no date, whatever its issue's.
    date: b.date, dateLabel: b.date === "" ? "" : view.locale.formatDate(b.date),
    lang: e.source.issue.issue.lang, issue: card(e.source.issue), anchorUrl: anchor(e.source.anchorRoute),
  };
}

function qaEntry(e: QaEntry, { env, view, card, anchor }: ListContext) {
  const b = e.block;
  const lang = e.source.issue.issue.lang;
  return {
    questionText: b.questionText, versions: b.versions,
    answerHtml: scrollBoxes(b.answerHtml, tableText(localeFor(env, lang))),
    components: b.components.map((name) => componentLink(name, view)),
    lang, issue: card(e.source.issue), anchorUrl: anchor(e.source.anchorRoute),
  };
}

function stonithNote(e: StonithEntry, { card, anchor }: ListContext) {
  return { ...e.block, issue: card(e.source.issue), anchorUrl: anchor(e.source.anchorRoute) };
}

function stonithRow(d: StonithDevice, { card, anchor }: ListContext) {
  const { block, source } = d.current;
  return {
    device: d.device, vendor: block.vendor, hardware: block.hardware, plugin: block.plugin,
    issue: card(source.issue), anchorUrl: anchor(source.anchorRoute),
    history: d.history.map((h) => ({ plugin: h.block.plugin, hardware: h.block.hardware, superseded: h.superseded, issue: card(h.source.issue), anchorUrl: anchor(h.source.anchorRoute) })),
  };
}

/** An issue's page: its content in the issue's language, the chrome around it (menus, previous/next) in the site's. */
export function issuePage(entry: SiteIssue, env: RenderEnv, bodies: ReadonlyMap<SiteIssue, string>): PageSpec {
  const content = viewContext(env, entry.issue.lang);
  const chrome = viewContext(env, env.config.lang);
  const card = issueCard(entry, content);
  return {
    route: entry.route,
    template: "issue",
    lang: env.config.lang,
    contentLang: entry.issue.lang,
    title: titleWithLabel(entry.issue.title, card.label),
    description: entry.issue.summary || env.config.description,
    type: "article",
    image: issueImage(entry, env),
    data: {
      issue: card,
      html: bodies.get(entry) ?? "",
      toc: issueToc(entry, content),
      previous: entry.previous ? issueCard(entry.previous, chrome) : null,
      next: entry.next ? issueCard(entry.next, chrome) : null,
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

/** An issue's body with its blocks filled in, in the issue's language (for its page and the feeds). */
export function issueBody(env: RenderEnv, entry: SiteIssue): string {
  return issueBodyHtml(env.liquid, entry, viewContext(env, entry.issue.lang), url(env.config.basePath, entry.route));
}

/** One page spec → HTML, through its template with the shared `site`/`page`/`t` data (`tc`: the content's strings). */
export function renderPage(spec: PageSpec, env: RenderEnv): string {
  const { config } = env;
  const locale = localeFor(env, spec.lang);
  const content = localeFor(env, spec.contentLang);
  const pageUrl = url(config.basePath, spec.route);
  const nav = [
    { key: "archive", route: ROUTES.archive },
    { key: "releases", route: ROUTES.releases },
    { key: "compat", route: ROUTES.compat },
    { key: "stonith", route: ROUTES.stonith },
    ...(config.search ? [{ key: "search", route: ROUTES.search }] : []),
  ].map((item) => ({ label: locale.pack.strings[item.key] ?? item.key, url: url(config.basePath, item.route), current: item.route === spec.route }));
  const favicon = config.favicon === "" ? "assets/favicon.svg" : config.favicon;
  return env.liquid.renderFileSync(spec.template, {
    ...spec.data,
    t: locale.pack.strings,
    tc: content.pack.strings,
    site: {
      title: config.title,
      description: config.description,
      lang: config.lang,
      homeUrl: url(config.basePath, ""),
      styleUrl: env.styleUrl,
      faviconUrl: url(config.basePath, favicon),
      faviconType: ICON_TYPES[/\.(\w+)$/.exec(favicon)?.[1]?.toLowerCase() ?? ""] ?? "",
      search: config.search,
      searchUrl: url(config.basePath, ROUTES.search),
      feeds: { atom: url(config.basePath, ROUTES.atom), rss: url(config.basePath, ROUTES.rss), json: url(config.basePath, ROUTES.jsonFeed) },
      nav,
    },
    page: {
      title: spec.title,
      fullTitle: spec.route === ROUTES.home ? config.title : `${spec.title} | ${config.title}`,
      lang: spec.lang,
      contentLang: spec.contentLang,
      // Open Graph wants ll_CC: "ja-JP" → "ja_JP".
      ogLocale: content.pack.intl.replace("-", "_"),
      url: pageUrl,
      canonical: absoluteUrl(config.origin, pageUrl),
      description: spec.description,
      type: spec.type,
      image: spec.image,
      noindex: spec.route === ROUTES.notFound,
    },
  });
}

const ICON_TYPES: Readonly<Record<string, string>> = { svg: "image/svg+xml", png: "image/png", ico: "image/x-icon", gif: "image/gif", webp: "image/webp", jpg: "image/jpeg", jpeg: "image/jpeg" };
