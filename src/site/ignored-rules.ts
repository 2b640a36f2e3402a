import type { VFileMessage } from "vfile-message";
import type { RedirectsHost } from "../config.js";
import { warning } from "../diagnostics.js";
import { CLOUDFLARE_CODES, cloudflareIgnores, type CloudflareIgnored } from "./cloudflare-ignored.js";
import type { RedirectRule } from "./redirect-rules.js";
import type { Coverage } from "./redirect-hidden-pages.js";

/**
 * The rules of the author's own _redirects (`file`, its `rules`) that
 * Cloudflare Pages drops when it deploys the site (cloudflare-ignored.ts):
 * each is one `redirects-page` warning at its line, whatever it matches. One
 * over pages was meant to do something it never will (the single-page app's
 * `/* /index.html 200`); one over no page is worse, as the address it was
 * written for is quietly left as it was: `/old-post /issues/sokan/ 301!`
 * sends no reader anywhere. One that would only send pages to themselves
 * (`/x/ /x/index.html 200`) would do nothing if it were applied either, and
 * is not warned about. `covers` tells what a rule's old address takes in of
 * the site (redirect-hidden-pages.ts), which decides how its effect is told.
 */
export function ignoredRuleWarnings(file: string, rules: readonly RedirectRule[], host: RedirectsHost, covers: Coverage): VFileMessage[] {
  if (host !== "cloudflare") return [];
  return rules.flatMap((rule) => {
    const ignored = cloudflareIgnores(rule);
    if (ignored === undefined) return [];
    const { covered, matches } = covers(rule);
    if (matches && covered.length === 0) return [];
    return [warning(file, ignoredReason(rule, ignored, covered.length > 0), { line: rule.line, column: rule.column }, "redirects-page")];
  });
}

/** A rule Cloudflare Pages drops, said as what it is on a gekkan site: a line that does nothing. */
function ignoredReason(rule: RedirectRule, ignored: CloudflareIgnored, covers: boolean): string {
  const written = rule.words.join(" ");
  // Over no page, the rule was written for an address the site does not have: that address is what goes wrong.
  const effect = covers ? "it changes no page" : `it is dropped when the site is deployed, so readers asking for ${rule.from} are not ${rule.rewrite ? "shown" : "sent to"} ${rule.to}`;
  switch (ignored) {
    case "words":
      return `"${written}" is a rule Cloudflare Pages ignores, as it reads a rule as 2 or 3 words (the old address, the new one and a code) and this line has ${rule.words.length}${rule.words.length > 3 ? ": query words (id=:id) and conditions (Country=jp) are Netlify's own" : ""}; it changes nothing on the site: write it as an old address, a new one and a code, or remove it`;
    case "loop":
      return `"${written}" is a rule Cloudflare Pages ignores (its deploy log says "Infinite loop detected"): Cloudflare serves ${rule.to} at its folder's address, which the rule would match again. It changes no page, and ${MISSING}; remove the rule`;
    case "proxy":
      return `"${written}" is a rule Cloudflare Pages ignores, as a rewrite (code 200) there may only lead to an address of the site itself, not to another host: ${effect}; to send readers to ${rule.to}, give it code 301 or 302, or remove it`;
    default:
      return codeReason(rule, written, effect);
  }
}

// Each page of a gekkan site is a file of its own, and a host shows 404.html wherever none is: neither needs a rule.
const MISSING = "a gekkan site needs no such rule, as each page is a file of its own and an address it does not have is shown its 404.html";

function codeReason(rule: RedirectRule, written: string, effect: string): string {
  const codes = `${CLOUDFLARE_CODES.slice(0, -1).join(", ")} or ${CLOUDFLARE_CODES[CLOUDFLARE_CODES.length - 1]}`;
  const refused = `"${written}" is a rule Cloudflare Pages ignores, as it takes only the codes ${codes}, not ${rule.code}`;
  if (rule.notFound) return `${refused}: it changes no page; ${MISSING}; remove the rule`;
  return `${refused}: ${effect}; give it one of those codes (without "!": Cloudflare applies every rule over the file anyway), or remove it`;
}
