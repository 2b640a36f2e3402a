import type { VFileMessage } from "vfile-message";
import type { RedirectsHost } from "../config.js";
import { warning } from "../diagnostics.js";
import { cloudflareIgnores } from "./cloudflare-ignored.js";
import { ruleMatcher, sameAddress, type RedirectRule } from "./redirect-rules.js";
import type { AliasMove } from "./redirects.js";

/**
 * A rule of the author's own _redirects (`file`, its `rules`) that matches
 * the old address of an issue (an alias), for which gekkan writes a rule
 * too: exactly, or through a `*` or `:name` (`/old/*` covers every alias
 * under /old/). The author's comes first in the file, and both hosts apply
 * the first rule that matches, so theirs is the one readers meet. A warning,
 * not an error: it may be meant (the old page now leads to something else
 * than the issue), but then the alias says the wrong thing, and most often
 * one of the two is a leftover of the move. A rule that sends the address to
 * the issue anyway is no conflict, nor one Cloudflare Pages ignores there
 * (cloudflare-ignored.ts). One per rule, at its old address.
 */
export function redirectOverlaps(file: string, rules: readonly RedirectRule[], moves: readonly AliasMove[], host: RedirectsHost): VFileMessage[] {
  return rules.flatMap((rule) => {
    if (host === "cloudflare" && cloudflareIgnores(rule) !== undefined) return [];
    const target = ruleMatcher(rule);
    const covered = moves.flatMap((move) => {
      const to = target(move.from);
      return to === undefined || sameAddress(to, move.to) ? [] : [{ move, to }];
    });
    const first = covered[0];
    if (first === undefined) return [];
    // Netlify applies a rule that is not forced only where no file is, and gekkan's alias page is one.
    const unforced = host === "netlify" && !rule.forced ? ' (on Netlify only once forced with a "!" after its code, as gekkan\'s alias page is a file there)' : "";
    const { move, to } = first;
    const issue = move.entry.issue;
    const reason = rule.dynamic
      ? `${rule.from} covers ${move.from}, an old address of issue ${issue.number} (${issue.file}, front matter aliases)${others(covered.length - 1)}, and gekkan's rule for it, to ${move.to}, comes after this one in _redirects: this rule is the one applied${unforced}, ${leads(rule, to)}; to send them to the issue, put the line "${move.from} ${move.to} ${host === "netlify" ? "301!" : "301"}" above this one${covered.length > 1 ? " (a line for each alias)" : ""}, or narrow this rule; or remove the alias if the address is no longer the issue's`
      : `${rule.from} is an old address of issue ${issue.number} (${issue.file}, front matter aliases), and gekkan's rule for it, to ${move.to}, comes after this one in _redirects: this rule is the one applied${unforced}, ${leads(rule, rule.to)}; remove this line to send them to the issue, or remove the alias if the address is no longer the issue's`;
    return [warning(file, reason, { line: rule.line, column: rule.column }, "redirects-alias")];
  });
}

/** The other aliases a splat rule covers, counted. */
function others(count: number): string {
  return count === 0 ? "" : ` (and ${count} other ${count === 1 ? "alias" : "aliases"})`;
}

/** What the rule does with a reader: a rewrite (200) or a 404 rule keeps them at the old address, showing other content. */
function leads(rule: RedirectRule, to: string): string {
  if (rule.notFound) return `showing readers ${to} as a "not found" page (code 404) at the old address`;
  return rule.rewrite ? `showing readers ${to} at the old address` : `sending readers to ${to}`;
}
