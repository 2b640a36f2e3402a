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
  "empty-issue": "an issue with no text below its front matter (gekkan check)",
  "long-title": "a title wider than inbox lists and search results show (gekkan check)",
  "body-h1": "a heading 1 in an issue's text, beside the page's title",
  "public-link": "a symbolic link in public/, which is not copied",
  "public-svg-script": "an SVG in public/ that holds a script or another way to run code",
  "public-svg-unchecked": "an SVG in public/ too large to be checked for scripts",
};

/** The messages without the warnings of kinds the site ignores (errors always stay). */
export function unignored(messages: readonly VFileMessage[], ignored: readonly string[]): VFileMessage[] {
  if (ignored.length === 0) return [...messages];
  return messages.filter((message) => isError(message) || !ignored.includes(String(message.ruleId)));
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
  return [...lines, `gekkan: if you mean ${kinds.length === 1 && warnings.length === 1 ? "this" : "these"}, stop the warning in gekkan.config.json with "ignoreWarnings": [${kinds.map((kind) => `"${kind}"`).join(", ")}]`];
}
