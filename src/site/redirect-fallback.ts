import type { VFileMessage } from "vfile-message";
import type { RedirectsHost } from "../config.js";
import { warning } from "../diagnostics.js";
import { carriesMatch, type RedirectRule } from "./redirect-rules.js";
import { ROUTES } from "./urls.js";

/**
 * A rule of the author's own _redirects (`file`, its `rules`) that answers
 * the addresses the site does not have with one page and code 200, so the
 * site's 404.html is never seen: the single-page app's `/* /index.html 200`.
 * Netlify applies a rule without "!" only where no file matches ("shadowing",
 * docs.netlify.com/routing/redirects/rewrites-proxies/#shadowing), so such a
 * rule hides no published page (redirect-hidden-pages.ts has nothing to say)
 * but takes every address left over: a mistyped or removed one is shown the
 * rule's page as if it were real, to readers and search engines alike.
 *
 * The exact rule, on Netlify only: a rule that is not forced, whose code is
 * 200, whose old address has a `*` or `:name` (an exact address is one the
 * author means, and matches no others), whose new address uses none of what
 * they match (with `:splat` or `:name` in it, an address the site lacks leads
 * to another it lacks, which Netlify answers with 404.html), when the site
 * publishes a 404.html (gekkan always does, ROUTES.notFound). A `*` or `:name`
 * matches addresses without end, so no such pattern is limited to the ones
 * gekkan knows are gone. Redirects (301, 302) send the reader to an address
 * of their own, where a missing page is a 404 again: the usual `/old/*
 * /issues/:splat 301` is none. Cloudflare Pages is left to
 * redirect-hidden-pages.ts, which warns of such a rule as hiding every page
 * (or, for `/* /index.html`, as one it ignores). One warning per rule, at its line.
 */
export function fallbackWarnings(file: string, rules: readonly RedirectRule[], paths: readonly string[], host: RedirectsHost): VFileMessage[] {
  if (host !== "netlify" || !paths.includes(ROUTES.notFound)) return [];
  return rules.filter(isFallback).map((rule) => warning(file, reason(rule), { line: rule.line, column: rule.column }, "redirects-fallback"));
}

/** An unforced rewrite from a `*` or `:name` to one address whatever it matched. */
function isFallback(rule: RedirectRule): boolean {
  // "200" as written: "200!" is forced, and then a page it covers is redirect-hidden-pages.ts's to tell of.
  return rule.code === "200" && rule.dynamic && !carriesMatch(rule);
}

function reason(rule: RedirectRule): string {
  const written = `${rule.from} ${rule.to} ${rule.code}`;
  // An address the rule matches and no site has, to make "every address" concrete.
  const example = rule.from.replace(/\*/g, "no-such-page").replace(/(?<=^|\/):[A-Za-z_]\w*/g, "no-such-page");
  return `"${written}" is a rewrite without "!", which Netlify applies wherever no file is: every address it matches that the site does not have (a mistyped or removed one, such as ${example}) is shown ${rule.to} with code 200 instead of the site's 404.html, so readers and search engines take it for a real page; a gekkan site needs no single-page fallback, as each page is a file of its own: remove the rule, or narrow it to the old addresses it is meant for (an exact address a line)`;
}
