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
  return { basePath: env.config.basePath, today: env.today, locale: localeFor(env, lang), routes: routesIn(lang, env.config.lang), componentNames: env.config.componentNames };
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
