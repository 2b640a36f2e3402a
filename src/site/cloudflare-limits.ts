import type { VFileMessage } from "vfile-message";
import { diagnostic, type Place } from "../diagnostics.js";
import { readsAsRule } from "./cloudflare-ignored.js";
import type { RedirectRule } from "./redirect-rules.js";

/** Cloudflare Pages' limits on a _redirects file (developers.cloudflare.com/pages/configuration/redirects/, "Per file"). */
export const CLOUDFLARE_STATIC_REDIRECTS = 2000;
export const CLOUDFLARE_DYNAMIC_REDIRECTS = 100;

/** Where a rule of the file is reported: an author's line at its place, gekkan's at the setting that asked for them. */
export interface RuleSource {
  own: { file: string; rules: readonly RedirectRule[] } | undefined;
  /** gekkan's rules, after the author's; each reported at `config`. */
  gekkan: number;
  config: { file: string; place: Place };
}

/**
 * The combined _redirects (the author's rules, then gekkan's) against
 * Cloudflare Pages' limits, counted as Cloudflare counts: a rule is static
 * until the first dynamic one (a `*` or `:name` in its old address), and
 * every rule from there on is dynamic, exact ones too. Past a limit
 * Cloudflare refuses the deployment or drops the rest of the file unsaid, so
 * it is an error, at the first rule past it. A line Cloudflare reads as no
 * rule at all (not 2 or 3 words) is not counted, as Cloudflare does not;
 * one it drops later (a code it does not take, a loop) has been counted by
 * then, and is counted here too (workers-sdk parseRedirects.ts).
 */
export function cloudflareLimitErrors(source: RuleSource): VFileMessage[] {
  const own = countedRules(source);
  const firstDynamic = own.findIndex((rule) => rule.dynamic);
  const total = own.length + source.gekkan;
  const staticCount = firstDynamic === -1 ? total : firstDynamic;
  const dynamicCount = total - staticCount;
  const messages: VFileMessage[] = [];
  const fix = `make fewer aliases or rules of your own, or move the redirects to Cloudflare's Bulk Redirects and remove "redirects" from the config`;
  if (staticCount > CLOUDFLARE_STATIC_REDIRECTS) {
    const reason = `_redirects would have ${staticCount} static rules (exact addresses), more than the ${CLOUDFLARE_STATIC_REDIRECTS} Cloudflare Pages takes (past them it refuses the deployment or drops the rest of the file); ${fix}`;
    messages.push(at(source, CLOUDFLARE_STATIC_REDIRECTS, reason));
  }
  if (dynamicCount > CLOUDFLARE_DYNAMIC_REDIRECTS) {
    const later = own.slice(firstDynamic + 1).filter((rule) => !rule.dynamic).length + source.gekkan;
    const after = later === 0 ? "" : `, ${later} of them exact addresses that Cloudflare counts as dynamic because they come after the first rule with a * or :name (public/_redirects line ${own[firstDynamic]?.line ?? 1}; gekkan's alias rules always come after yours)`;
    const reason = `_redirects would have ${dynamicCount} dynamic rules${after}, more than the ${CLOUDFLARE_DYNAMIC_REDIRECTS} Cloudflare Pages takes (past them it refuses the deployment or drops the rest of the file); ${fix}`;
    messages.push(at(source, staticCount + CLOUDFLARE_DYNAMIC_REDIRECTS, reason));
  }
  return messages;
}

/** The author's rules that Cloudflare counts toward its limits, in order. */
function countedRules(source: RuleSource): readonly RedirectRule[] {
  return (source.own?.rules ?? []).filter(readsAsRule);
}

/** The message at the counted rule of index `index` in the combined file. */
function at(source: RuleSource, index: number, reason: string): VFileMessage {
  const rule = countedRules(source)[index];
  if (source.own !== undefined && rule !== undefined) return diagnostic(source.own.file, reason, { line: rule.line, column: rule.column }, "redirects-limit");
  return diagnostic(source.config.file, reason, source.config.place, "redirects-limit");
}
