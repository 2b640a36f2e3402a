import type { VFileMessage } from "vfile-message";
import type { SiteConfig } from "../config.js";
import { ContentError, isError } from "../diagnostics.js";
import type { IssueMeta, RenderContext, RenderedIssue } from "../content/render-issue.js";
import { bodyH1Warnings } from "../content/body-h1.js";
import { todoNoteWarnings } from "../content/todo-notes.js";
import { frontMatterMarkdownWarnings } from "../content/front-matter-markdown.js";
import { bidiControlWarnings } from "../content/bidi-controls.js";
import { numberOrderWarnings } from "../site/number-order-warnings.js";
import { fileMonthWarnings } from "../site/file-month-warnings.js";
import { removedHtmlWarnings } from "../content/removed-html.js";
import { markdownWarnings } from "../content/markdown-warnings.js";
import { untranslatedFieldWarnings, untranslatedSiteTitleWarnings } from "../site/untranslated-fields.js";
import { translatedFactWarnings } from "../site/translated-facts.js";
import { outdatedTranslationWarnings } from "../site/outdated-translations.js";
import { translationAddressWarnings } from "../site/translation-address.js";
import { addressWarnings } from "../config-address.js";
import { collectSite } from "../site/collect.js";
import { allIssues, type Site } from "../site/model.js";
import { dateWindow, oneDay, type DateWindow } from "../site/date-window.js";
import { searchesByLanguage, type SearchPage } from "../site/search-index.js";
import { ROUTES, routeUrl } from "../site/urls.js";
import { createLiquid } from "../render/liquid.js";
import type { RenderEnv } from "../render/pages.js";
import { OutputSet, contentHash } from "../write/output.js";
import { loadInputs, type Inputs, type Source } from "./load-inputs.js";
import type { BuildOptions } from "./options.js";
import { addAssets, addFeeds, addPublic, addRedirects, addSiteFiles } from "./outputs.js";
import { parseIssues, type ParsedIssues } from "./parse-issues.js";
import { weighedProblems } from "./held-back.js";
import { StageTimes } from "./stage-times.js";
import { unignored } from "../warning-kinds.js";
import { pageLanguages } from "../site/page-languages.js";
import { PageRenderer, pageFingerprint, renderPages, type PageStats, type RenderedPage } from "./render-pages.js";
import { NO_REUSE, type Reuse } from "./reuse.js";
import { addSearchIndex } from "./search.js";
import { addEmails } from "./emails.js";
import { publicImages } from "./public-images.js";
import { memoisePartials } from "./partial-memo.js";
import { RenderErrors } from "./render-errors.js";
import { templateProblems } from "./template-check.js";
import { templateNoteWarnings } from "./template-notes.js";
import { withEarlyPublicErrors } from "./early-public-errors.js";

export type { BuildOptions } from "./options.js";

export interface Generated {
  config: SiteConfig;
  site: Site;
  output: OutputSet;
  warnings: VFileMessage[];
  /** Every issue that parsed, drafts and future ones too (check counts issue numbers over them). */
  issues: RenderedIssue[];
  /** The front matter of issues whose body failed: left out of this build (else it would have stopped), the notes name them with the rest. */
  failed: IssueMeta[];
  /** The sources as read: the build records its input key from these very bytes. */
  sources: Source[];
  /** What rendering one issue depended on: `gekkan dev` renders edited issues with the same. */
  context: RenderContext;
  /** How pages were rendered: `gekkan dev` re-renders edited issues with it. */
  renderer: PageRenderer;
  /** The issue pages as Pagefind indexes them (for `gekkan dev`, which indexes in the background). */
  searchPages: SearchPage[];
  stats: { issuesRendered: number; pages: PageStats; stages: Array<[stage: string, ms: number]> };
  /** "Today" of this run, and the days on which the same inputs give the same output. */
  today: string;
  window: DateWindow;
  /** With `partial`: the errors of the issues left out of this build because their own text failed; otherwise none (they stop it, with any template error rendering met). */
  held: VFileMessage[];
}

/**
 * The build as the newsletter's stages, all in memory: read the inputs →
 * parse the issues → collect the site → render the pages → emails → feeds,
 * data, sitemap → search index → public files. `reuse` hands earlier work into the
 * stages that own the expensive steps; only commands touch the disk.
 */
export async function generate(options: BuildOptions, reuse: Reuse = NO_REUSE): Promise<Generated> {
  const times = new StageTimes();
  const inputs = await times.time("load inputs", () => loadInputs(options, reuse.checked));
  const parsed = weighed(await times.time("parse issues", () => parseIssues(inputs.sources, inputs.context, reuse.issues, options.threads)), inputs);
  const output = new OutputSet();
  const env = renderEnv(inputs, output);
  const fingerprint = pageFingerprint(inputs.templateDirs, env);
  // Locale strings are named by their language: every pack's content is in the fingerprint.
  memoisePartials(env.liquid, fingerprint, reuse.fragments, new Map([...env.locales].map(([code, locale]) => [locale.pack.strings, `=locale:${code}`])));
  // After the memoised render tag is registered: the templates parsed here are the ones pages render with.
  const { broken, noteWarnings } = await times.time("check templates", () => ({
    broken: templateProblems(env.liquid, inputs.templateDirs, options.root),
    noteWarnings: templateNoteWarnings(inputs.templateDirs, options.root, Object.keys(inputs.config.languages).length > 0),
  }));
  const { site, held } = await times.time("collect site", () => withEarlyPublicErrors(inputs, () => collect(parsed, inputs, broken)));
  // One reading of public/'s images for the pages and the emails.
  const renderer = new PageRenderer(env, fingerprint, reuse.pages, pageLanguages(site, inputs.config.search), publicImages(options.root, reuse.digests));
  // Without `partial`, held errors stop the run, but only after the stages that render templates: a template error met
  // only while rendering (an undefined variable) is reported with them, all at once, not once they are fixed.
  const stops = held.length > 0 && options.partial !== true;
  let made: Made;
  try {
    made = await makeSite({ options, inputs, parsed, site, output, renderer, times, search: stops ? undefined : reuse.search, digests: reuse.digests });
  } catch (error) {
    throw error instanceof ContentError && held.length > 0 ? new ContentError([...held, ...error.messages]) : error;
  }
  if (stops) throw new ContentError(held);
  const published = allIssues(site);
  const warnings = [...parsed.messages.filter((m) => !isError(m)), ...numberOrderWarnings(site), ...fileMonthWarnings(published), ...bodyH1Warnings(published), ...todoNoteWarnings(published), ...frontMatterMarkdownWarnings(published), ...bidiControlWarnings(published), ...removedHtmlWarnings(published), ...markdownWarnings(published), ...untranslatedFieldWarnings(published), ...translatedFactWarnings(published), ...outdatedTranslationWarnings(published), ...translationAddressWarnings(published), ...untranslatedSiteTitleWarnings(inputs.config, site), ...noteWarnings, ...made.publicWarnings, ...addressWarnings(inputs.config), ...[...inputs.locales.values()].flatMap((locale) => [locale.borrowed, locale.copied].filter((m) => m !== undefined))];
  return {
    config: inputs.config, site, output, warnings: unignored(warnings, inputs.config.ignoreWarnings, parsed.rendered.map((r) => r.issue)), issues: parsed.rendered, failed: parsed.failed, sources: inputs.sources, context: inputs.context,
    renderer, searchPages: made.searchPages, stats: { issuesRendered: parsed.renderedCount, pages: renderer.stats, stages: times.entries }, today: inputs.today, window: made.window, held,
  };
}

interface Made {
  window: DateWindow;
  searchPages: SearchPage[];
  publicWarnings: VFileMessage[];
}

interface MakeSite {
  options: BuildOptions;
  inputs: Inputs;
  parsed: ParsedIssues;
  site: Site;
  output: OutputSet;
  renderer: PageRenderer;
  times: StageTimes;
  /** The search memo; undefined when the run stops on held errors anyway: the search index is the one stage that meets no template. */
  search: Reuse["search"] | undefined;
  digests: Reuse["digests"];
}

/** Stages: the collected site → pages, feeds, data, sitemap, emails, search index, public files, all into `output`. */
async function makeSite({ options, inputs, parsed, site, output, renderer, times, search, digests }: MakeSite): Promise<Made> {
  // With no issue published, the feeds and the sitemap are dated by today itself, so tomorrow's build is not "up to date".
  // An updated day bounds it too: before it, the same inputs are an error (updated after today, collect-problems.ts).
  const days = parsed.rendered.flatMap((r) => (r.issue.updated === undefined ? [r.issue.date] : [r.issue.date, r.issue.updated]));
  const window = site.issues.length === 0 ? oneDay(inputs.today) : dateWindow(days, inputs.today);
  const errors = new RenderErrors(options.root);
  // A stage with a template error gives nothing; the later ones still run (once), so their own errors come in the same report.
  const pages = (await times.time("render pages", () => errors.run(() => renderPages(site, renderer)))) ?? [];
  for (const page of pages) output.add(page.path, () => page.html, "gekkan", page.key);
  await times.time("feeds", () => errors.run(() => addFeeds(output, site, inputs.config, renderer, inputs.today)));
  await times.time("data, sitemap", () => addSiteFiles(output, site, inputs.config, inputs.today, new Map(pages.map((page) => [page.spec.route, page.spec.alternates]))));
  const redirects = addRedirects(output, site, inputs.config, options.root);
  const searchPages = issuePagesForSearch(site, pages, inputs.config.basePath);
  const indexed = !errors.found && search !== undefined && inputs.config.search && options.search !== false;
  // Side by side: the search index is made by Pagefind's own process, emails are finished on worker threads.
  await Promise.all([
    times.time("emails", () => errors.run(() => addEmails(output, site, renderer, renderer.images, options.threads))),
    indexed ? times.time("search index", () => addSearchIndex(output, searchPages, inputs.config.lang, inputs.config.searchShardSize, search)) : undefined,
  ]);
  await withEarlyPublicErrors(inputs, () => errors.throwIfFound(), redirects.messages.filter(isError));
  // Last: a public file is checked against every file gekkan made, emails and the search index included.
  const publicWarnings = await times.time("public files", () => addPublic(output, options.root, inputs.config.search, digests, redirects));
  return { window, searchPages, publicWarnings };
}

/** The parse stage's result with its problems weighed for this build: an issue it leaves out does not stop it (held-back.ts). */
function weighed(parsed: ParsedIssues, inputs: Inputs): ParsedIssues {
  const include = { drafts: inputs.options.drafts ?? false, future: inputs.options.future ?? false };
  return { ...parsed, messages: weighedProblems(parsed.messages, parsed.failed, inputs.today, include) };
}

/**
 * Stage: rendered issues → the Site model; per-file and cross-file problems (duplicate numbers, URLs) and broken templates are reported together, all at once.
 * When only issues' own text failed, the site is collected without them and their errors are held (generate decides when they stop the run):
 * with anything else wrong, no part of the site can be trusted, and an issue whose front matter cannot be read has no known page,
 * so a link to it could not be told from a broken one.
 */
function collect(parsed: ParsedIssues, inputs: Inputs, templates: readonly VFileMessage[]): { site: Site; held: VFileMessage[] } {
  const options = inputs.options;
  const collected = collectSite(parsed.rendered, { drafts: options.drafts ?? false, future: options.future ?? false, today: inputs.today, lang: inputs.config.lang, failed: parsed.failed, unread: parsed.unread });
  const own = parsed.messages.filter(isError);
  const across = [...(collected.ok ? [] : collected.messages), ...templates];
  if (!collected.ok || inputs.problems.length + own.length + across.length > 0) {
    const failed = new Set(parsed.failed.map((issue) => issue.file));
    const held = collected.ok && inputs.problems.length + across.length === 0 && own.every((m) => failed.has(m.file ?? ""));
    if (held) return { site: collected.site, held: own };
    throw new ContentError([...inputs.problems, ...own, ...across]);
  }
  return { site: collected.site, held: [] };
}

/** Liquid, locales and the stylesheet (added to `output`, its hash in its URL so browsers never keep a stale one). */
export function renderEnv(inputs: Inputs, output: OutputSet): RenderEnv {
  const assets = addAssets(output, inputs.templateDirs);
  const styleHash = contentHash(assets.get("style.css") ?? "").slice(0, 10);
  const { config } = inputs;
  return { config, liquid: createLiquid(inputs.templateDirs, config.basePath), locales: inputs.locales, today: inputs.today, styleUrl: `${routeUrl(config.basePath, ROUTES.styles)}?v=${styleHash}` };
}

/** The issue pages of every language, as the search index reads them. */
export function issuePagesForSearch(site: Site, pages: readonly RenderedPage[], basePath: string): SearchPage[] {
  const byRoute = new Map(allIssues(site).map((entry) => [entry.route, entry]));
  const byLanguage = searchesByLanguage(site);
  return pages.flatMap((page) => {
    const entry = page.spec.template === "issue" ? byRoute.get(page.spec.route) : undefined;
    if (entry === undefined) return [];
    // The bytes only when a search part must be indexed again (see search.ts).
    return [{ url: routeUrl(basePath, page.spec.route), get html() { return page.html; }, number: entry.issue.number, key: page.key, lang: byLanguage ? entry.issue.lang : undefined }];
  });
}
