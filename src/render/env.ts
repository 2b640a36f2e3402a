import type { Liquid } from "liquidjs";
import type { SiteConfig } from "../config.js";
import type { Locale } from "./locale.js";
import type { ViewContext } from "./views.js";
import type { Alternate } from "../site/alternates.js";
import { routesIn } from "../site/urls.js";

export interface RenderEnv {
  config: SiteConfig;
  liquid: Liquid;
  locales: Map<string, Locale>;
  today: string;
  styleUrl: string;
}

export type { Alternate } from "../site/alternates.js";

export interface PageSpec {
  route: string;
  template: string;
  /** The language of the page's chrome (menus, labels, `<html lang>`): its edition's (the site's, or a translation's under /<lang>/). */
  lang: string;
  /** The language of the page's main content: an issue's own, else the page's. */
  contentLang: string;
  title: string;
  description: string;
  type: "website" | "article";
  /** Absolute URL of the image shown when the page is shared ("" = none). */
  image: string;
  /** Every language version of this page, this one included, the site's language first; empty when it has no other. */
  alternates: Alternate[];
  /** The front pages of the editions this page has no version in (edition-homes.ts): the language switch offers them instead. */
  homes: Alternate[];
  data: Record<string, unknown>;
}

export function localeFor(env: RenderEnv, lang: string): Locale {
  const locale = env.locales.get(lang) ?? env.locales.get(env.config.lang);
  if (!locale) throw new Error(`gekkan bug: no locale for ${lang}`);
  return locale;
}

export function viewContext(env: RenderEnv, lang: string): ViewContext {
  const locale = localeFor(env, lang);
  // A language ICU does not name in the reader's (a site's own pack's code) is named as its pack names it.
  const languageName = (other: string) => languageNameIn(locale.pack.intl, other) ?? localeFor(env, other).pack.name;
  return { basePath: env.config.basePath, today: env.today, lang, locale, languageName, routes: routesIn(lang, env.config.lang), componentNames: env.config.componentNames };
}

/** Language names by reader's locale and language: one per pair, as a list page asks for one per row of another language. */
const languageNames = new Map<string, string | undefined>();

/** `lang` named in the words of `readerIntl` (ICU's names), or undefined when ICU has no name for it. */
function languageNameIn(readerIntl: string, lang: string): string | undefined {
  const key = `${readerIntl}\0${lang}`;
  if (!languageNames.has(key)) languageNames.set(key, new Intl.DisplayNames([readerIntl], { type: "language", fallback: "none" }).of(lang));
  return languageNames.get(key);
}

/** The site's title and description as pages in `lang` show them: the config `languages` entry, else the site's own (in the site's language). */
export function siteText(config: SiteConfig, lang: string): { title: string; description: string; titleLang: string; descriptionLang: string } {
  const own = lang === config.lang ? undefined : config.languages[lang];
  return {
    title: own?.title ?? config.title,
    titleLang: own?.title === undefined ? config.lang : lang,
    description: own?.description ?? config.description,
    descriptionLang: own?.description === undefined ? config.lang : lang,
  };
}
