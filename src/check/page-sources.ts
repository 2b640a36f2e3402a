import { isAbsolute, relative, sep } from "node:path";
import { emailPaths } from "../email/email-source.js";
import { effectiveTemplates, templateDirs } from "../render/template-dirs.js";
import { allIssues, type Site } from "../site/model.js";
import { decodeUtf8, readUtf8File } from "../text-encoding.js";
import type { SourceFile } from "../content/sources.js";
import type { SourcesOf } from "./vnu.js";
import type { MarkupSource } from "./written-markup.js";
import type { SiteAddress } from "../site/urls.js";
import { EMAIL_TEMPLATE_REWRITE, markdownTagRewrite } from "./markdown-tag-rewrite.js";

/**
 * The files each built page's markup may have been written in, for the
 * Nu Html Checker's messages (written-markup.ts): an issue's page and its
 * email hold the issue's Markdown, every page the site's own templates.
 * gekkan's built-in templates are left out when they are not in the site:
 * they are not the author's to fix, and a message in them stays at the page.
 */
export function pageSources(root: string, site: Site, sources: readonly SourceFile[], where: SiteAddress): SourcesOf {
  const templates = siteTemplates(root);
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

/** The site's own templates (those in its folder), as the build uses them. */
function siteTemplates(root: string): MarkupSource[] {
  return effectiveTemplates(templateDirs(root)).files.flatMap((path) => {
    const file = relative(root, path);
    if (file.startsWith("..") || isAbsolute(file)) return [];
    const name = file.split(sep).join("/");
    return [{ file: name, text: readUtf8File(path, name) }];
  });
}
