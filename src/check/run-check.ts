import type { VFileMessage } from "vfile-message";
import { generate, type BuildOptions, type Generated } from "../pipeline/generate.js";
import type { Reuse } from "../pipeline/reuse.js";
import { MapStore } from "../incremental/map-store.js";
import { memoOver, noMemo } from "../incremental/memo.js";
import { diagnostic, formatDiagnostic, isError, sortDiagnostics } from "../diagnostics.js";
import { unignored } from "../warning-kinds.js";
import { checkLinks } from "./check-links.js";
import { heldAddresses, type HeldIssue } from "./held-addresses.js";
import { numberingGaps } from "./numbering.js";
import { issueShapeWarnings } from "./issue-shape.js";
import { unpublishedNotes } from "./unpublished.js";
import { unpublishedNote } from "../site/published.js";
import { saysLeftOut } from "../pipeline/held-back.js";
import { validateHtmlPages } from "./vnu.js";
import { pageSources } from "./page-sources.js";
import { siteTemplates } from "./site-templates.js";
import { placesOf } from "./places.js";
import type { MarkupSource } from "./written-markup.js";
import { failedRoutes } from "../site/collect.js";
import { routeUrl } from "../site/urls.js";
import { emailHeadersFor } from "../config-email.js";

export interface CheckOptions extends Pick<BuildOptions, "root" | "now" | "base" | "url"> {
  /** Also run the Nu Html Checker over every page. */
  html?: boolean;
  /** Check only what `gekkan build` publishes; by default drafts and scheduled issues are checked too. */
  published?: boolean;
  /** With `published`: add drafts back, as `gekkan build --drafts` would. */
  drafts?: boolean;
  /** With `published`: add future-dated issues back, as `gekkan build --future` would. */
  future?: boolean;
}

export interface CheckReport {
  errors: VFileMessage[];
  /** The places the errors stand for: more than `errors` when a template's mistake on many pages is said once (template-repeats.ts). */
  errorPlaces: number;
  warnings: VFileMessage[];
  files: number;
  pages: number;
  links: number;
  linksFromMarkdown: number;
  /** Pages the Nu Html Checker validated (0 without --html). */
  validated: number;
  /** Errors found in drafts or scheduled issues (they are among `errors` too). */
  unpublishedErrors: number;
  /** Which unpublished issues were part of the checked site. */
  included: { drafts: boolean; future: boolean };
  /** Issues whose errors kept them out of the checked site: links into them were not checked. */
  unbuilt: number;
}

/**
 * `gekkan check`: the build's own validation (generate throws ContentError
 * when no page can be built; errors in issues' own text are held, and the
 * site is built without those issues), then what only the finished site shows: links, anchors, images, numbering,
 * and optionally HTML validity. Entirely in memory. By default the issue
 * being written is checked too (drafts, future dates), with its findings
 * marked; a link that resolves only because an unpublished issue is there
 * is caught by checking the published site as well.
 */
export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  const everything = options.published !== true;
  // One memo for both runs of a check: the published-only run renders no issue and no unchanged page again.
  const reuse: Reuse = { issues: memoOver(new MapStore()), pages: memoOver(new MapStore()), search: noMemo };
  const shape = { drafts: everything || options.drafts === true, future: everything || options.future === true };
  const generated = await generate({ root: options.root, base: options.base, url: options.url, ...shape, now: options.now, partial: true }, reuse);
  const { config, output } = generated;
  const rendered = generated.issues;
  const templates = siteTemplates(options.root);
  const links = builtLinks(generated, templates);
  const extra = everything && rendered.some((r) => unpublishedNote(r.issue, generated.today) !== undefined) ? await publishedOnly(options, reuse, links.messages, generated) : [];
  const html = options.html ? await validateHtmlPages(output, config.basePath, pageSources(templates, generated.site, generated.sources, config)) : { messages: [], pages: 0 };
  // A translation has its original's number: numbers are counted over the originals, those whose text failed included.
  const known = [...rendered, ...generated.failed.map((issue) => ({ issue }))];
  const originals = known.filter((r) => r.issue.lang === config.lang);
  const found = [...generated.warnings, ...numberingGaps(originals, generated.today), ...issueShapeWarnings(rendered), ...links.messages, ...extra, ...html.messages];
  const notes = unpublishedNotes(known, config.lang, generated.today);
  // The held errors say already where they are ([in a draft]: held-back.ts).
  const all = sortDiagnostics([...markUnpublished(unignored(found, config.ignoreWarnings, rendered.map((r) => r.issue)), notes), ...generated.held]);
  const errors = all.filter(isError);
  return {
    errors,
    errorPlaces: errors.reduce((sum, m) => sum + placesOf(m), 0),
    warnings: all.filter((m) => !isError(m)),
    files: output.size,
    pages: output.paths().filter((p) => p.endsWith(".html")).length,
    links: links.checked,
    linksFromMarkdown: links.fromMarkdown,
    validated: html.pages,
    unpublishedErrors: errors.filter((m) => notes.has(m.file ?? "")).length,
    included: shape,
    unbuilt: new Set(generated.held.map((m) => m.file)).size,
  };
}

/** The links of the site as built: a partial one leaves out the pages of issues with errors, and links into them are not checked. */
function builtLinks(generated: Generated, templates: readonly MarkupSource[] = [], held?: ReadonlyMap<string, HeldIssue>): ReturnType<typeof checkLinks> {
  const { config, issues, failed } = generated;
  const unbuilt = failedRoutes(issues, failed, config.lang).map((route) => routeUrl(config.basePath, route));
  return checkLinks(generated.site, generated.output, config, unbuilt, mailingServiceAddresses(config), templates, held);
}

/** Every edition's unsubscribe and sign-up addresses (config email.listUnsubscribe, email.subscribe): the mailing service's, not pages of the site. */
function mailingServiceAddresses(config: Generated["config"]): Set<string> {
  const langs = [config.lang, ...Object.keys(config.languages)];
  return new Set(
    langs.flatMap((lang) => {
      const headers = emailHeadersFor(config, lang);
      return headers.subscribe === undefined ? headers.listUnsubscribe : [...headers.listUnsubscribe, headers.subscribe];
    }),
  );
}

/**
 * The site as `gekkan build` publishes it today: a link from a published
 * issue that works only while a draft is on the site is broken there.
 */
async function publishedOnly(options: CheckOptions, reuse: Reuse, already: readonly VFileMessage[], full: Generated): Promise<VFileMessage[]> {
  const published: Generated = await generate({ root: options.root, base: options.base, url: options.url, drafts: false, future: false, now: options.now, partial: true }, reuse);
  const seen = new Set(already.map(formatDiagnostic));
  // Only links the author wrote: template links on list pages differ between the two sites by design.
  const issueFiles = new Set(full.issues.map((r) => r.issue.file));
  const { config } = published;
  const { messages } = builtLinks(published, [], heldAddresses(full.site, published.site, config.lang, published.today, config.basePath));
  return messages
    .filter((m) => issueFiles.has(m.file ?? "") && !seen.has(formatDiagnostic(m)))
    .map((m) => diagnostic(m.file ?? "", `${m.reason} (on the published site: the link works only while drafts and scheduled issues are included)`, { line: m.line ?? 1, column: m.column ?? 1 }, String(m.ruleId), m.fatal !== false));
}

/** A finding in a draft or scheduled issue (or a translation of one) says so: it does not break the site as published today. */
function markUnpublished(messages: readonly VFileMessage[], notes: ReadonlyMap<string, string>): VFileMessage[] {
  return messages.map((m) => {
    const note = notes.get(m.file ?? "");
    if (note === undefined || m.ruleId === "issue-number-gap" || saysLeftOut(m)) return m;
    return diagnostic(m.file ?? "", `${m.reason} [in ${note}]`, { line: m.line ?? 1, column: m.column ?? 1 }, String(m.ruleId), m.fatal !== false);
  });
}
