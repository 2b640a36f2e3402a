import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../diagnostics.js";
import type { RenderedIssue } from "../content/render-issue.js";
import type { Site, SiteIssue } from "./model.js";
import { ROUTES } from "./urls.js";
import { buildReference } from "./reference.js";

export interface CollectOptions {
  drafts: boolean;
  future: boolean;
  /** "Today" as YYYY-MM-DD: SOURCE_DATE_EPOCH or the clock, decided by the caller. */
  today: string;
}

export type CollectResult = { ok: true; site: Site } | { ok: false; messages: VFileMessage[] };

/**
 * Rendered issues → the Site model. Checks what only shows across files
 * (duplicate numbers, two issues on one URL), then drops drafts and future
 * issues before anything is linked, so they cannot leak into any page.
 */
export function collectSite(rendered: readonly RenderedIssue[], options: CollectOptions): CollectResult {
  const messages = [...duplicates(rendered, (r) => String(r.issue.number), "issue number", (r) => r.issue.numberLine), ...duplicates(rendered, (r) => `/${ROUTES.issue(r.issue.slug)}`, "page URL", (r) => r.issue.slugLine)];
  if (messages.length > 0) return { ok: false, messages };

  const published = rendered
    .filter((r) => (options.drafts || !r.issue.draft) && (options.future || r.issue.date <= options.today))
    .sort((a, b) => b.issue.number - a.issue.number);
  const issues: SiteIssue[] = published.map((r) => ({
    issue: r.issue,
    body: r.body,
    route: ROUTES.issue(r.issue.slug),
    year: r.issue.date.slice(0, 4),
    previous: undefined,
    next: undefined,
  }));
  issues.forEach((entry, i) => {
    entry.next = issues[i - 1];
    entry.previous = issues[i + 1];
  });
  const years = new Map<string, SiteIssue[]>();
  for (const entry of issues) years.set(entry.year, [...(years.get(entry.year) ?? []), entry]);
  return {
    ok: true,
    site: {
      issues,
      years: [...years].sort(([a], [b]) => (a < b ? 1 : -1)).map(([year, list]) => ({ year, issues: list })),
      ...buildReference(issues),
    },
  };
}

function duplicates(rendered: readonly RenderedIssue[], key: (r: RenderedIssue) => string, what: string, line: (r: RenderedIssue) => number): VFileMessage[] {
  const seen = new Map<string, RenderedIssue[]>();
  for (const r of [...rendered].sort((a, b) => (a.issue.file < b.issue.file ? -1 : 1))) seen.set(key(r), [...(seen.get(key(r)) ?? []), r]);
  const messages: VFileMessage[] = [];
  for (const [value, group] of seen) {
    if (group.length < 2) continue;
    for (const r of group) {
      const others = group.filter((o) => o !== r).map((o) => `${o.issue.file}:${line(o)}`).join(", ");
      messages.push(diagnostic(r.issue.file, `duplicate ${what} ${JSON.stringify(value)}: also used by ${others}`, { line: line(r), column: 1 }, "duplicate-issue"));
    }
  }
  return messages;
}
