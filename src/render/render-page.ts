import { contentTypeOf } from "../content-type.js";
import { emailHeadersFor } from "../config-email.js";
import { ROUTES, routesIn, siteUrl } from "../site/urls.js";
import { hreflangTargets } from "../site/alternates.js";
import { localeFor, siteText, type Alternate, type PageSpec, type RenderEnv } from "./env.js";
import { fill } from "./locale.js";
import { url } from "./views.js";
import { renderFileBytes } from "./byte-emitter.js";
import { ogLocale, ogLocaleAlternates } from "./og-locale.js";

/**
 * One page spec → its HTML as UTF-8, through its template with the shared
 * `site`/`page`/`t` data (`tc`: the content's strings). Rendered as Liquid's
 * renderFileSync renders, into an emitter that takes stored fragments as bytes.
 */
export function renderPage(spec: PageSpec, env: RenderEnv): Buffer {
  return renderFileBytes(env.liquid, spec.template, pageScope(spec, env));
}

/** What a page's template sees. */
function pageScope(spec: PageSpec, env: RenderEnv): Record<string, unknown> {
  const { config } = env;
  const locale = localeFor(env, spec.lang);
  const content = localeFor(env, spec.contentLang);
  // Open Graph's form of the content's locale, the page's own and the one its alternates leave out.
  const own = ogLocale(content.pack.intl);
  const routes = routesIn(spec.lang, config.lang);
  const link = (route: string) => url(config.basePath, route);
  const pageUrl = link(spec.route);
  const nav = [
    { key: "archive", route: routes.archive },
    { key: "releases", route: routes.releases },
    { key: "compat", route: routes.compat },
    { key: "stonith", route: routes.stonith },
    ...(config.search ? [{ key: "search", route: routes.search }] : []),
  ].map((item) => ({ label: locale.pack.strings[item.key] ?? item.key, url: link(item.route), current: item.route === spec.route }));
  const favicon = config.favicon === "" ? "assets/favicon.svg" : config.favicon;
  const text = siteText(config, spec.lang);
  return {
    ...spec.data,
    t: locale.pack.strings,
    tc: content.pack.strings,
    site: {
      ...text,
      lang: config.lang,
      homeUrl: link(routes.home),
      archiveUrl: link(routes.archive),
      componentsUrl: link(routes.components),
      styleUrl: env.styleUrl,
      faviconUrl: link(favicon),
      faviconType: iconType(favicon),
      search: config.search,
      searchUrl: link(routes.search),
      feeds: { atom: link(routes.atom), rss: link(routes.rss), json: link(routes.jsonFeed) },
      // The edition's own sign-up (config email.subscribe), as its email headers fall back: "" for none.
      subscribeUrl: emailHeadersFor(config, spec.lang).subscribe ?? "",
      nav,
    },
    page: {
      title: spec.title,
      fullTitle: spec.route === routes.home ? text.title : `${spec.title} | ${text.title}`,
      lang: spec.lang,
      contentLang: spec.contentLang,
      ogLocale: own,
      url: pageUrl,
      canonical: siteUrl(config, spec.route),
      description: spec.description,
      type: spec.type,
      image: spec.image,
      noindex: spec.route === ROUTES.notFound,
      ...languageLinks(spec, env, own),
    },
  };
}

/**
 * hreflang links (every version, this one included, and x-default: the
 * site's language) with absolute URLs, as search engines want them; the
 * other versions' Open Graph locales, for share previews; and the
 * visible switch to the other versions, each named in its own language;
 * then the front pages of the editions the page is not in (spec.homes),
 * named as such in their own language ("English edition (front page)",
 * `home`, "" for a version) so a reader does not take one for a translation.
 */
function languageLinks(spec: PageSpec, env: RenderEnv, ownOgLocale: string) {
  const { config } = env;
  const link = (a: Alternate, home: boolean) => {
    const pack = localeFor(env, a.lang).pack;
    return { lang: a.lang, name: pack.name, url: url(config.basePath, a.route), home: home ? fill(pack.strings.editionHome ?? "editionHome", { language: pack.name }) : "" };
  };
  const versions = spec.alternates.filter((a) => a.route !== spec.route);
  return {
    ogLocaleAlternates: ogLocaleAlternates(ownOgLocale, versions.map((a) => localeFor(env, a.lang).pack.intl)),
    hreflang: hreflangTargets(spec.alternates, config.lang).map((a) => ({ lang: a.lang, url: siteUrl(config, a.route) })),
    languages: [...versions.map((a) => link(a, false)), ...spec.homes.map((a) => link(a, true))],
  };
}

/** The favicon's media type for `<link rel="icon" type>`, from the one type table; "" when it is not a picture. */
function iconType(favicon: string): string {
  const type = contentTypeOf(favicon);
  return type.startsWith("image/") ? type : "";
}
