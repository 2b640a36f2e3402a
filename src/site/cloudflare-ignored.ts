import { hasScheme } from "../url-scheme.js";
import type { RedirectRule } from "./redirect-rules.js";

/** Why Cloudflare Pages drops a rule of _redirects when it deploys the site: it loops, or its code is not one it takes. */
export type CloudflareIgnored = "loop" | "code";

/** The codes Cloudflare Pages takes; a rule with none is a 302. */
export const CLOUDFLARE_CODES = ["200", "301", "302", "303", "307", "308"] as const;

/**
 * Whether Cloudflare Pages ignores `rule`, and why. Its redirects page says
 * rules are followed whether or not a file is there
 * (https://developers.cloudflare.com/pages/configuration/redirects/), but its
 * parser drops some before that: a rule whose old address ends in `/*` or
 * `/`, leading to a relative `/index` or `/index.html`, which Cloudflare
 * itself serves at the folder's address (`/x/`), so the rule would match
 * again ("Infinite loop detected in this rule and has been ignored"); and a
 * rule whose code is not one of CLOUDFLARE_CODES (`404`, `301!`: "Valid
 * status codes are 200, 301, 302 (default), 303, 307, or 308"). Both in
 * parseRedirects of github.com/cloudflare/workers-sdk
 * (packages/workers-shared/utils/configuration/parseRedirects.ts), which
 * prints them in the deploy log and applies the rest. Such a rule hides no
 * page, whatever it matches.
 */
export function cloudflareIgnores(rule: Pick<RedirectRule, "from" | "to" | "code">): CloudflareIgnored | undefined {
  if (rule.code !== "" && !(CLOUDFLARE_CODES as readonly string[]).includes(rule.code)) return "code";
  const relative = !hasScheme(rule.to) && !rule.to.startsWith("//");
  const toIndex = /\/index(\.html)?$/.test(rule.to);
  return relative && toIndex && (rule.from.endsWith("/*") || rule.from.endsWith("/")) ? "loop" : undefined;
}
