import { editionHomes, issuePage } from "../render/pages.js";
import { listingKey } from "../render/listing-key.js";
import { allIssues, type Edition, type SiteIssue } from "../site/model.js";
import type { Generated } from "./generate.js";
import type { Source } from "./load-inputs.js";
import { parseIssues } from "./parse-issues.js";
import { PageRenderer } from "./render-pages.js";
import { publicImages } from "./public-images.js";
import type { Reuse } from "./reuse.js";

export interface Updated {
  generated: Generated;
  /** Output paths re-rendered. */
  paths: string[];
}

/**
 * `gekkan dev`'s answer to an edited issue, through the same stages as a
 * build: parse it (parseIssues), put it in the site, render its page
 * (PageRenderer). Only when the edit changes nothing any other page shows
 * (same slug and listing key), because then only its own page can differ
 * (its language versions link it by URL and language only);
 * otherwise undefined, and the caller runs the whole generate(). Feeds and
 * the search index show bodies too: they follow with the next full run.
 */
export async function updateIssues(previous: Generated, changed: readonly Source[], reuse: Reuse): Promise<Updated | undefined> {
  const byFile = new Map(allIssues(previous.site).map((entry) => [entry.issue.file, entry]));
  const parsed = await parseIssues(changed, previous.context, reuse.issues, 1);
  if (parsed.messages.length > 0 || parsed.rendered.length !== changed.length) return undefined;
  const locales = [...previous.renderer.env.locales.values()];
  const replaced = new Map<SiteIssue, SiteIssue>();
  for (const rendered of parsed.rendered) {
    const old = byFile.get(rendered.issue.file);
    if (old === undefined) return undefined;
    // Neighbours keep pointing at the old entries: they only show cards, and the cards are unchanged.
    const entry: SiteIssue = { ...old, issue: rendered.issue, body: rendered.body };
    if (entry.issue.slug !== old.issue.slug || listingKey(entry, locales) !== listingKey(old, locales)) return undefined;
    replaced.set(old, entry);
  }
  // public/ read afresh: an image may have changed since the run these pages' neighbours came from.
  const renderer = new PageRenderer(previous.renderer.env, previous.renderer.fingerprint, reuse.pages, previous.renderer.pages, publicImages(previous.config.root, reuse.digests));
  const entries = [...replaced.values()];
  const homes = editionHomes(previous.site);
  const pages = await renderer.render(entries.map((entry) => issuePage(entry, renderer.env, new Map([[entry, renderer.pageToken(entry)]]), homes)));
  const swap = <E extends Edition>(edition: E): E => ({ ...edition, issues: edition.issues.map((entry) => replaced.get(entry) ?? entry) });
  const site = { ...swap(previous.site), translations: previous.site.translations.map(swap) };
  const output = previous.output.withReplaced(pages.map((page) => [page.path, page.html, page.key] as const));
  const issues = previous.issues.map((issue) => parsed.rendered.find((r) => r.issue.file === issue.issue.file) ?? issue);
  // The files as now read: the next run's count of what the author changed (issueChanges) starts from these, not from before the edit.
  const sources = previous.sources.map((source) => changed.find((c) => c.file === source.file) ?? source);
  return { generated: { ...previous, site, output, issues, sources, renderer, stats: { issuesRendered: parsed.renderedCount, pages: renderer.stats, stages: [] } }, paths: pages.map((page) => page.path) };
}
