import { hasScheme } from "../url-scheme.js";
import type { RedirectRule } from "./redirect-rules.js";

/** Why Cloudflare Pages drops a rule of _redirects when it deploys the site: its words, a loop, its code, or a rewrite to another host. */
export type CloudflareIgnored = "words" | "loop" | "code" | "proxy";

/** The codes Cloudflare Pages takes; a rule with none is a 302. */
export const CLOUDFLARE_CODES = ["200", "301", "302", "303", "307", "308"] as const;

/**
 * Whether Cloudflare Pages ignores `rule`, and why. Its redirects page says
 * rules are followed whether or not a file is there
 * (https://developers.cloudflare.com/pages/configuration/redirects/), but its
 * parser drops some before that, in this order: a line of other than 2 or 3
 * words ("Expected exactly 2 or 3 whitespace-separated tokens"), which
 * Netlify's query (`id=:id`) and condition (`Country=jp`) words make; a rule
 * whose code is not one of CLOUDFLARE_CODES (`404`, `301!`: "Valid status
 * codes are 200, 301, 302 (default), 303, 307, or 308"); a rule whose old
 * address ends in `/*` or `/`, leading to a relative `/index` or
 * `/index.html`, which Cloudflare itself serves at the folder's address
 * (`/x/`), so the rule would match again ("Infinite loop detected in this
 * rule and has been ignored"); and a rewrite (200) to another host ("Proxy
 * (200) redirects can only point to relative paths"). All in parseRedirects
 * of github.com/cloudflare/workers-sdk
 * (packages/workers-shared/utils/configuration/parseRedirects.ts), which
 * prints them in the deploy log and applies the rest. Such a rule hides no
 * page, whatever it matches.
 */
export function cloudflareIgnores(rule: Pick<RedirectRule, "words" | "from" | "to" | "code">): CloudflareIgnored | undefined {
  if (!readsAsRule(rule)) return "words";
  if (rule.code !== "" && !(CLOUDFLARE_CODES as readonly string[]).includes(rule.code)) return "code";
  const relative = !hasScheme(rule.to) && !rule.to.startsWith("//");
  const toIndex = /\/index(\.html)?$/.test(rule.to);
  if (relative && toIndex && (rule.from.endsWith("/*") || rule.from.endsWith("/"))) return "loop";
  return rule.code === "200" && !relative ? "proxy" : undefined;
}

/** Whether Cloudflare Pages reads the line as a rule at all (2 or 3 words): only those count toward its limits (cloudflare-limits.ts). */
export function readsAsRule(rule: Pick<RedirectRule, "words">): boolean {
  return rule.words.length === 2 || rule.words.length === 3;
}
