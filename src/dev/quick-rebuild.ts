import type { RenderIssueResult } from "../content/render-issue.js";
import type { RenderEnv } from "../render/pages.js";
import { issueBody, issuePage, renderPage } from "../render/pages.js";
import type { Site, SiteIssue } from "../site/model.js";
import { routeFile } from "../site/urls.js";

/** The last good build, as the quick path needs it. */
export interface QuickState {
  site: Site;
  env: RenderEnv;
  /** Published issues by source file. */
  byFile: ReadonlyMap<string, SiteIssue>;
}

export type QuickOutcome =
  | { ok: true; state: QuickState; pages: Array<[path: string, html: string]> }
  | { ok: false; reason: string };

export function quickState(site: Site, env: RenderEnv): QuickState {
  return { site, env, byFile: new Map(site.issues.map((entry) => [entry.issue.file, entry])) };
}

/**
 * Everything about an issue that pages other than its own can show: its
 * card (title, date, number, tags, authors, reading time in every locale…)
 * and its blocks (reference pages, data files). Body HTML and headings are
 * left out: only the issue's own page and the feeds show them.
 */
export function listingKey(entry: SiteIssue, env: RenderEnv): string {
  const { bodyLine: _bodyLine, numberLine: _numberLine, slugLine: _slugLine, ...meta } = entry.issue;
  const readingTimes = [...env.locales.values()].map((locale) => locale.readingTime(entry.body.cjkChars, entry.body.words));
  return JSON.stringify([meta, entry.body.blocks, readingTimes]);
}

/**
 * The fast half of a dev rebuild (Hugo's "fast render" idea, made exact):
 * when edited issues changed nothing any other page shows (same listing
 * key), only their own pages differ from the last build, so only those are
 * rendered. Feeds, data files and the search index, which carry body text,
 * are brought up to date by the full rebuild that follows in the background.
 * Anything else (new, removed or hidden issues, errors, a listing change)
 * returns `ok: false` and the caller does a full rebuild.
 */
export function quickRebuild(state: QuickState, changed: ReadonlyArray<{ file: string; result: RenderIssueResult }>): QuickOutcome {
  const { env } = state;
  const byFile = new Map(state.byFile);
  const replaced = new Map<SiteIssue, SiteIssue>();
  for (const { file, result } of changed) {
    const old = byFile.get(file);
    if (old === undefined) return { ok: false, reason: `${file} is not a published issue of the last build` };
    if (!result.ok) return { ok: false, reason: `${file} has errors` };
    const entry: SiteIssue = { ...old, issue: result.value.issue, body: result.value.body };
    if (entry.issue.slug !== old.issue.slug || listingKey(entry, env) !== listingKey(old, env)) return { ok: false, reason: `${file} changed what other pages show` };
    byFile.set(file, entry);
    replaced.set(old, entry);
  }
  // Neighbours keep pointing at the old entries: they only read their cards, which are unchanged.
  const issues = state.site.issues.map((entry) => replaced.get(entry) ?? entry);
  const pages: Array<[string, string]> = [];
  for (const entry of replaced.values()) {
    const spec = issuePage(entry, env, new Map([[entry, issueBody(env, entry)]]));
    pages.push([routeFile(spec.route), renderPage(spec, env)]);
  }
  return { ok: true, state: { site: { ...state.site, issues }, env, byFile }, pages };
}
