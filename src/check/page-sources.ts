import { emailPaths } from "../email/email-source.js";
import { allIssues, type Site } from "../site/model.js";
import { decodeUtf8 } from "../text-encoding.js";
import type { SourceFile } from "../content/sources.js";
import type { SourcesOf } from "./vnu.js";
import type { MarkupSource } from "./written-markup.js";
import type { SiteAddress } from "../site/urls.js";
import { EMAIL_TEMPLATE_REWRITE, markdownTagRewrite } from "./markdown-tag-rewrite.js";

/**
 * The files each built page's markup may have been written in, for the
 * Nu Html Checker's messages (written-markup.ts): an issue's page and its
 * email hold the issue's Markdown, every page the site's own `templates`
 * (site-templates.ts).
 */
export function pageSources(templates: readonly MarkupSource[], site: Site, sources: readonly SourceFile[], where: SiteAddress): SourcesOf {
  const texts = new Map(sources.map((source) => [source.file, source.bytes]));
  const issueOf = new Map<string, { file: string; route: string; email: boolean }>();
  for (const entry of allIssues(site)) {
    issueOf.set(`${entry.route}index.html`, { file: entry.issue.file, route: entry.route, email: false });
    issueOf.set(emailPaths(entry.route).html, { file: entry.issue.file, route: entry.route, email: true });
  }
  return (page) => {
    const issue = issueOf.get(page);
    const bytes = issue === undefined ? undefined : texts.get(issue.file);
    const decoded = issue === undefined || bytes === undefined ? undefined : decodeUtf8(issue.file, bytes);
    const own: MarkupSource[] = issue !== undefined && decoded?.ok === true ? [{ file: issue.file, text: decoded.text, rewrite: markdownTagRewrite(where, issue.route, issue.email) }] : [];
    // An email's tags carry the styles juice inlined (inline-css.ts), which no source has.
    return issue?.email === true ? { sources: [...own, ...templates.map((template) => ({ ...template, rewrite: EMAIL_TEMPLATE_REWRITE }))], written: withoutStyle } : { sources: [...own, ...templates] };
  };
}

function withoutStyle(markup: string): string {
  return markup.replace(/ style="[^"]*"/g, "");
}
