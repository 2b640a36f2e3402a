import type { VFileMessage } from "vfile-message";
import { formatDiagnostic, isError } from "./diagnostics.js";

/**
 * Every kind of warning gekkan gives, by the rule id its messages carry, and
 * what it means. A warning is something that may be meant (a skipped issue
 * number, a heading 1 in the text), so a site that means it can list the
 * kind in the config's `ignoreWarnings` and stop seeing it; errors cannot be
 * ignored.
 */
export const WARNING_KINDS: Readonly<Record<string, string>> = {
  "issue-number-gap": "issue numbers skip one or more numbers (gekkan check)",
  "issue-number-order": "an issue numbered above another but dated before it",
  "empty-issue": "an issue with no text below its front matter (gekkan check)",
  "long-title": "a title wider than inbox lists and search results show (gekkan check)",
  "body-h1": "a heading 1 in an issue's text, beside the page's title",
  "file-name-date": "an issue whose file is named for another month than its date (2011-05.md dated 2011-04-01): last month's file copied with its date left as it was",
  "todo-note": "a TODO or FIXME note left in a published issue's title, summary or text (code is left alone)",
  "front-matter-markdown": "Markdown marks (**bold**, *emphasis*, a [link](url), an image, `code`, <b>HTML</b>) in an issue's title or summary, which front matter shows as typed",
  "bidi-control": "an invisible bidirectional control (U+202A–U+202E, U+2066–U+2069) in a published issue's file, which changes the order the text after it is shown in",
  "raw-html-removed": "raw HTML of a tag an issue may not hold (<mark>, <u>, <script>) or a style attribute, removed from the page",
  "table-short-row": "a table's row with fewer cells than the table has columns, which the page fills with empty cells at its end: mostly a | left out between two cells, whose texts run together in one",
  "image-alt": "a picture in an issue's text with no description (![](/images/zu.png), <img> with no alt), which screen readers skip and an email shown without pictures leaves out: a picture only for decoration may mean it",
  "untranslated-field": "a translation's title, summary or block text still its original's, word for word, in a script its language does not use (or an edition in such a language with no title of its own in the config)",
  "translation-facts": "a translation's block with other facts (a release's status, a STONITH plugin) than the block of its original it translates, which the edition's reference pages show in the original's place",
  "translation-outdated": "a translation its original was corrected after (the original's updated later than the translation's own updated, or its date), whose edition may still say what the correction put right",
  "translation-address": "a translation that sets its original's own slug, or an alias its original has too (copied by an older gekkan new --translate): it takes both from its original without them, and with them stays behind at the old address when the original's slug changes",
  "email-size": "an issue's email message larger than Gmail shows before clipping it (gekkan email)",
  "email-svg": "an SVG image in an issue, which Gmail and Outlook do not show in its email: readers see only its description (gekkan email)",
  "address-moved": "an issue the last build published at another address (its slug or month changed) with no alias keeping the old one, where bookmarks and emails already sent lead",
  "address-gone": "an issue page the last build published that this one does not (a draft again, deleted)",
  "reader-repeated": "a reader's address given again in a --to-file list (gekkan email), sent once",
  "template-note-missing": "a site's own copy of one of gekkan's templates that never shows a note gekkan's shows its readers (a translation's correction note, an issue's updated date, a draft badge): copied before gekkan added it",
  "locale-fallback": "a site's own locale pack for a language gekkan has none of, without strings gekkan added since: its pages show them in English",
  "locale-language": "a site's own locale pack whose intl is another language's (fr.json with \"intl\": \"en-US\", copied from en.json): its pages' dates are in that language, and the language switch may name it so",
  "public-link": "a symbolic link in public/, which is not copied",
  "public-svg-script": "an SVG in public/ that holds a script or another way to run code",
  "public-svg-unchecked": "an SVG in public/ too large to be checked for scripts",
  "public-name": "a name in public/ that Windows cannot hold (a : or ?, a dot or space at the end, con.png), or two that differ only in case, which macOS and Windows take for one",
  "public-dot-name": "a name in public/ that starts with a dot (.env, .npmrc), which is published for anyone to read; .well-known/ and .nojekyll are not warned",
  "redirects-alias": "a rule of your own public/_redirects for an issue's old address (front matter aliases), which comes before gekkan's rule for it and so wins (config redirects)",
  "redirects-page": "a rule of your own public/_redirects whose old address is a page or file the site publishes, which that host applies over the file (Cloudflare Pages: any rule it does not ignore; Netlify: a forced one, 301!), sending its readers elsewhere or, with code 200 or 404, showing them other content; or one Cloudflare Pages ignores, such as /* /index.html 200 or /old-post /issues/x/ 301! (config redirects)",
  "redirects-fallback": "a rule of your own public/_redirects that on Netlify shows one page with code 200 at every address the site does not have, such as /* /index.html 200, so its 404.html is never seen (config redirects)",
  "site-address": "a site with no url of its own, built for http://localhost/",
  "site-address-parts": "a site address (url or --url) with a user name, password, query or fragment, which no link carries",
};

/**
 * The kinds a warning about one issue has, at that issue's file: an issue's
 * front matter can stop them for itself (`ignoreWarnings: [body-h1]`), so a
 * heading 1 meant in one issue does not silence it for all the others.
 */
export const ISSUE_WARNING_KINDS: readonly string[] = ["issue-number-gap", "issue-number-order", "empty-issue", "long-title", "body-h1", "file-name-date", "todo-note", "front-matter-markdown", "bidi-control", "raw-html-removed", "table-short-row", "image-alt", "untranslated-field", "translation-facts", "translation-outdated", "translation-address", "email-size", "email-svg", "address-moved", "address-gone"];

/** What an issue's front matter says of the warnings about it. */
export interface IssueWarningChoice {
  file: string;
  ignoreWarnings: readonly string[];
}

/** The messages without the warnings of kinds the site ignores, or the issue they are about ignores (errors always stay). */
export function unignored(messages: readonly VFileMessage[], ignored: readonly string[], issues: readonly IssueWarningChoice[] = []): VFileMessage[] {
  const byFile = new Map(issues.filter((issue) => issue.ignoreWarnings.length > 0).map((issue) => [issue.file, issue.ignoreWarnings]));
  if (ignored.length === 0 && byFile.size === 0) return [...messages];
  const stopped = (message: VFileMessage) => ignored.includes(String(message.ruleId)) || byFile.get(message.file ?? "")?.includes(String(message.ruleId)) === true;
  return messages.filter((message) => isError(message) || !stopped(message));
}

/**
 * Warnings as the commands print them: one line each, then one line naming
 * their kinds and how to stop them, so an author who means a warning's
 * cause learns the name to write without reading the README.
 */
export function warningLines(warnings: readonly VFileMessage[]): string[] {
  if (warnings.length === 0) return [];
  const kinds = [...new Set(warnings.map((warning) => String(warning.ruleId)))].filter((kind) => kind in WARNING_KINDS).sort();
  const lines = warnings.map(formatDiagnostic);
  if (kinds.length === 0) return lines;
  // Only where one of them is at an issue's file: an issue's front matter stops what is said about that file, so an
  // edition with no title of its own (untranslated-field, at gekkan.config.json) was told of a stop that stopped nothing.
  // One without a place is about an issue whose file is gone: there is no front matter left to write in.
  const atIssues = new Set(warnings.filter((warning) => warning.file?.endsWith(".md") === true && typeof warning.line === "number").map((warning) => String(warning.ruleId)));
  const ofIssues = kinds.filter((kind) => ISSUE_WARNING_KINDS.includes(kind) && atIssues.has(kind));
  const inIssue = ofIssues.length === 0 ? "" : `, or for one issue only in its front matter with ignoreWarnings: [${ofIssues.join(", ")}]`;
  return [...lines, `gekkan: if you mean ${kinds.length === 1 && warnings.length === 1 ? "this" : "these"}, stop the warning in gekkan.config.json with "ignoreWarnings": [${kinds.map((kind) => `"${kind}"`).join(", ")}]${inIssue}`];
}
