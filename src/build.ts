import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LiquidError } from "liquidjs";
import type { VFileMessage } from "vfile-message";
import { CONFIG_FILE, loadConfig, type SiteConfig } from "./config.js";
import { ContentError, diagnostic, formatDiagnostic, isError } from "./diagnostics.js";
import { buildTime, dayOf } from "./build-time.js";
import { readSourceSet, type SourceFile } from "./content/sources.js";
import { renderAll, type RenderAllOptions, type RenderAllResult } from "./content/render-all.js";
import type { RenderContext } from "./content/render-issue.js";
import { collectSite } from "./site/collect.js";
import type { Site } from "./site/model.js";
import { ROUTES } from "./site/urls.js";
import { buildFeeds, siteFeeds } from "./site/feeds.js";
import { dataFiles } from "./site/data-json.js";
import { robotsTxt, sitemapXml } from "./site/sitemap.js";
import { addSearchIndex } from "./site/search-index.js";
import { diskShardStore } from "./cache/search-store.js";
import { createLiquid } from "./render/liquid.js";
import { templateDirs, BUILTIN_TEMPLATES } from "./render/template-dirs.js";
import { loadLocales } from "./render/locale.js";
import type { RenderEnv } from "./render/pages.js";
import { PageMemo, type PageMemoStats, forgetPageIndex, renderFingerprint, savePageIndex, seedPageMemo } from "./render/page-memo.js";
import type { SearchPage } from "./site/search-index.js";
import { OutputSet, contentHash } from "./write/output.js";
import { addPublicFiles } from "./write/public-files.js";
import { writeAtomically } from "./write/disk.js";
import { dateWindow, reuseOutput, storeOutput, writeUnlessCurrent, type DateWindow } from "./cache/output-snapshot.js";
import { buildOutputKey } from "./cache/build-key.js";

export { buildTime } from "./build-time.js";

export interface BuildOptions {
  root: string;
  drafts?: boolean;
  future?: boolean;
  base?: string | undefined;
  /** Overrides the config's site URL (origin and, unless `base` is given, the base path). */
  url?: string | undefined;
  /** "Now" for deciding what is in the future; defaults to SOURCE_DATE_EPOCH, then the clock. */
  now?: Date;
  /** Build the Pagefind index (on unless the config says no). */
  search?: boolean;
  /** Persistent render cache directory (ROOT/.gekkan/cache from the CLI); absent = no cache. */
  cacheDir?: string | undefined;
  /** Render worker threads: 0 or 1 = in-process; absent = automatic. */
  threads?: number | undefined;
}

export interface Generated {
  config: SiteConfig;
  site: Site;
  output: OutputSet;
  warnings: VFileMessage[];
  /** Content address of the output (only with a cacheDir): equal keys, equal bytes. */
  outputKey?: string | undefined;
  /** The issue pages as Pagefind indexes them (for `gekkan dev`, which indexes in the background); empty when the output was reused. */
  searchPages: SearchPage[];
  /** What the page memo did (absent when the whole output was reused). */
  pageStats?: PageMemoStats | undefined;
  /** What rendered the pages (absent when the whole output was reused): `gekkan dev` re-renders single pages with it. */
  env?: RenderEnv | undefined;
  /** "Today" of this build, and the days on which the same inputs give the same output. */
  today: string;
  window: DateWindow;
}

/** Same contract as `renderAll`: (sources, context) → results in source order. */
export type RenderAllFn = (sources: readonly SourceFile[], context: RenderContext, options?: RenderAllOptions) => Promise<RenderAllResult>;

export interface GenerateHooks {
  /** Replaces the issue renderer, e.g. the dev server's in-memory cache. */
  renderAll?: RenderAllFn;
  /** Page memo kept across builds (the dev server's); without it a build seeds a fresh one from the cache dir. */
  pageMemo?: PageMemo;
}

/**
 * The build as a pipeline: config → sources → issues → site → pages → output.
 * Everything happens in memory; only `build` touches the output directory.
 */
export async function generate(options: BuildOptions, hooks: GenerateHooks = {}): Promise<Generated> {
  const config = loadConfig(options.root, { base: options.base, url: options.url });
  const dirs = templateDirs(options.root);
  const locales = loadLocales(dirs[0] === BUILTIN_TEMPLATES ? undefined : dirs[0]);
  if (!locales.has(config.lang)) {
    throw new ContentError([diagnostic(CONFIG_FILE, `config field "lang": no locale pack "${config.lang}"; available: ${[...locales.keys()].join(", ")}`, { line: 1, column: 1 }, "config-schema")]);
  }
  const today = dayOf(options.now ?? buildTime());
  // Files that cannot be read (a FIFO, a link outside the site, too large) are problems reported with the rest.
  const { sources, problems } = await readSourceSet(options.root, config.limits);
  const context = { components: config.components, languages: [...locales.keys()], defaultLang: config.lang, basePath: config.basePath, limits: config.limits };
  const { rendered, messages } = await (hooks.renderAll ?? renderAll)(sources, context, { cacheDir: options.cacheDir, threads: options.threads });
  const collected = collectSite(rendered, { drafts: options.drafts ?? false, future: options.future ?? false, today });
  // Cross-file problems (duplicate numbers/URLs) are reported with per-file ones, all at once.
  const errors = [...problems, ...messages.filter(isError), ...(collected.ok ? [] : collected.messages)];
  if (errors.length > 0 || !collected.ok) throw new ContentError(errors);
  const site = collected.site;
  const window = dateWindow(rendered.map((r) => r.issue.date), today);
  // Same inputs as an earlier build, same bytes: reuse its whole output (pages, feeds, search index).
  const outputKey = options.cacheDir === undefined ? undefined : buildOutputKey(options, dirs, sources);
  const reused = outputKey === undefined ? undefined : await reuseOutput(options.cacheDir as string, outputKey, today);
  if (reused) return { config, site, output: reused, warnings: messages.filter((m) => !isError(m)), outputKey, searchPages: [], today, window };

  const output = new OutputSet();
  const css = readAssets(dirs);
  const styleHash = contentHash(css.get("style.css") ?? "").slice(0, 10);
  const env: RenderEnv = { config, liquid: createLiquid(dirs, config.basePath), locales, today, styleUrl: `${config.basePath}${ROUTES.styles}?v=${styleHash}` };
  for (const [name, content] of css) output.add(`assets/${name}`, content);

  // Pages whose key (spec + templates/locales/config) is unchanged keep their earlier HTML: the dev server's memo, or the previous build's snapshot.
  const memo = hooks.pageMemo ?? new PageMemo({ bytes: true });
  if (hooks.pageMemo === undefined && options.cacheDir !== undefined) await seedPageMemo(memo, options.cacheDir);
  const searchPages: SearchPage[] = [];
  // Issues by route, for the search index and the sitemap (site.issues.find per page is quadratic: ~0.2 s at 4,000 issues).
  const issueByRoute = new Map(site.issues.map((i) => [i.route, i]));
  try {
    const { pages, bodies } = memo.renderSite(site, env, renderFingerprint(dirs, env, window));
    for (const page of pages) {
      output.add(page.path, page.html);
      const issue = issueByRoute.get(page.spec.route);
      if (page.spec.template === "issue" && issue !== undefined) searchPages.push({ url: `${config.basePath}${page.spec.route}`, html: page.html, number: issue.issue.number });
    }
    // Feeds fill the issue bodies they need on demand (block partials), so template errors can surface here too.
    const feeds = siteFeeds(config, site.issues, bodies);
    output.add(ROUTES.atom, feeds.atom);
    output.add(ROUTES.rss, feeds.rss);
    output.add(ROUTES.jsonFeed, feeds.json);
    for (const component of site.components) {
      const issues = site.issues.filter((i) => i.issue.tags.includes(component.name) || i.body.blocks.some((b) => (b.kind === "release" && b.component === component.name) || (b.kind === "qa" && b.components.includes(component.name))));
      output.add(ROUTES.componentFeed(component.name), buildFeeds({ config, issues, bodies, title: `${config.title}: ${component.name}`, route: ROUTES.component(component.name), atomRoute: ROUTES.componentFeed(component.name) }).atom);
    }
  } catch (error) {
    throw templateError(error);
  }
  for (const [path, json] of dataFiles(site, config)) output.add(path, json);
  const newest = site.issues[0]?.issue.date ?? "1970-01-01";
  const sitemapEntries = output.paths().filter((p) => p.endsWith("index.html")).map((p) => {
    const route = p.slice(0, -"index.html".length);
    const issue = issueByRoute.get(route);
    return { route, lastmod: issue?.issue.date ?? newest };
  });
  output.add(ROUTES.sitemap, sitemapXml(config, sitemapEntries));
  output.add(ROUTES.robots, robotsTxt(config));

  const collisions = await addPublicFiles(options.root, output);
  if (collisions.length > 0) throw new ContentError(collisions);
  if (config.search && options.search !== false) await addSearchIndex(output, searchPages, config.lang, config.searchShardSize, options.cacheDir === undefined ? undefined : diskShardStore(options.cacheDir));
  if (outputKey !== undefined) {
    // The page index names pages inside the snapshot: drop it first so it never describes another snapshot's bytes.
    await forgetPageIndex(options.cacheDir as string);
    await storeOutput(options.cacheDir as string, outputKey, window, output);
    await savePageIndex(options.cacheDir as string, outputKey, memo);
  }
  return { config, site, output, warnings: messages.filter((m) => !isError(m)), outputKey, searchPages, pageStats: { ...memo.stats }, env, today, window };
}

export interface BuildResult extends Generated {
  outDir: string;
}

/** generate() then swap the result into place; a failure leaves `outDir` untouched. */
export async function build(options: BuildOptions & { out: string }): Promise<BuildResult> {
  const generated = await generate(options);
  if (options.cacheDir !== undefined && generated.outputKey !== undefined) {
    const summary = { issues: generated.site.issues.length, warnings: generated.warnings.map(formatDiagnostic), window: generated.window };
    await writeUnlessCurrent(options.cacheDir, options.out, generated.outputKey, generated.today, generated.output, summary, writeAtomically);
  }
  else await writeAtomically(options.out, generated.output);
  return { ...generated, outDir: options.out };
}

function readAssets(dirs: readonly string[]): Map<string, Buffer> {
  const assets = new Map<string, Buffer>();
  for (const dir of [...dirs].reverse()) {
    const assetDir = join(dir, "assets");
    let names: string[] = [];
    try {
      names = readdirSync(assetDir).sort();
    } catch {
      continue;
    }
    for (const name of names) assets.set(name, readFileSync(join(assetDir, name)));
  }
  return assets;
}

/** A Liquid error in a site's own templates is an author mistake: locate it. */
function templateError(error: unknown): unknown {
  if (!(error instanceof LiquidError)) return error;
  const token = (error as LiquidError & { token?: { file?: string; getPosition?: () => [number, number] } }).token;
  const [line = 1, column = 1] = token?.getPosition?.() ?? [];
  const file = token?.file ?? "templates";
  return new ContentError([diagnostic(file, `template error: ${error.message.replace(/, line:\d+, col:\d+$/, "")}`, { line, column }, "template")]);
}
