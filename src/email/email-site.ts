import { CONFIG_FILE, type SiteConfig } from "../config.js";
import { ContentError, diagnostic, isError } from "../diagnostics.js";
import { dayOf } from "../build-time.js";
import { readSources } from "../content/sources.js";
import { renderAll } from "../content/render-all.js";
import { collectSite } from "../site/collect.js";
import type { Site } from "../site/model.js";
import { createLiquid } from "../render/liquid.js";
import { loadLocales } from "../render/locale.js";
import { BUILTIN_TEMPLATES, templateDirs } from "../render/template-dirs.js";
import type { RenderEnv } from "../render/pages.js";

export interface EmailSiteOptions {
  root: string;
  /** The site's config, with --base/--url applied. */
  config: SiteConfig;
  now: Date;
  /** Render cache to read (and fill), as `gekkan build` uses it; absent = none. */
  cacheDir?: string | undefined;
}

export interface EmailSite {
  config: SiteConfig;
  env: RenderEnv;
  /** Every issue, drafts and future ones included: `gekkan email` says itself what it will not send. */
  site: Site;
  today: string;
}

/**
 * What `gekkan email` needs of the build: the site's issues and the render
 * environment, without rendering pages, feeds or every other issue's email.
 * Any content error fails it exactly as it fails `gekkan build`.
 */
export async function loadEmailSite(options: EmailSiteOptions): Promise<EmailSite> {
  const { config } = options;
  const dirs = templateDirs(options.root);
  const locales = loadLocales(dirs[0] === BUILTIN_TEMPLATES ? undefined : dirs[0]);
  if (!locales.has(config.lang)) {
    throw new ContentError([diagnostic(CONFIG_FILE, `config field "lang": no locale pack "${config.lang}"; available: ${[...locales.keys()].join(", ")}`, { line: 1, column: 1 }, "config-schema")]);
  }
  const today = dayOf(options.now);
  const sources = await readSources(options.root);
  const context = { components: config.components, languages: [...locales.keys()], defaultLang: config.lang, basePath: config.basePath };
  const { rendered, messages } = await renderAll(sources, context, { cacheDir: options.cacheDir });
  const collected = collectSite(rendered, { drafts: true, future: true, today });
  const errors = [...messages.filter(isError), ...(collected.ok ? [] : collected.messages)];
  if (errors.length > 0 || !collected.ok) throw new ContentError(errors);
  const env: RenderEnv = { config, liquid: createLiquid(dirs, config.basePath), locales, today, styleUrl: "" };
  return { config, env, site: collected.site, today };
}
