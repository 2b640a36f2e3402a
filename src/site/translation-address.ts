import type { VFileMessage } from "vfile-message";
import { warning } from "../diagnostics.js";
import type { SiteIssue } from "./model.js";

/**
 * A translation that sets its original's own slug, or aliases its original
 * has too: copied by an older `gekkan new --translate` (new/translate.ts
 * leaves them out now). Today they change nothing, which is why nobody
 * notices; but written in the translation they are its own, so when the
 * original's slug changes later the translation stays at the old address,
 * its edition apart from the original's. A translation that sets none takes
 * its original's address and old addresses (site/collect.ts), so the lines
 * can go. Aliases are only told when the translation takes the original's
 * address: one with a slug of its own needs its aliases for the addresses
 * it had itself.
 */
export function translationAddressWarnings(entries: readonly SiteIssue[]): VFileMessage[] {
  return entries.flatMap((entry) => {
    const original = entry.versions[0];
    if (original === undefined || original.issue.lang === entry.issue.lang) return [];
    const { issue } = entry;
    const own = original.issue;
    const sameSlug = issue.slugGiven && issue.slug === own.slug;
    if (issue.slugGiven && !sameSlug) return [];
    const found: VFileMessage[] = [];
    const slugAt = `${own.file}:${own.slugGiven ? own.slugLine : own.dateLine}`;
    if (sameSlug) {
      const whose = own.slugGiven ? `its original's slug too (${slugAt})` : `its original's address too (its month, ${slugAt})`;
      const reason = `slug: ${issue.slug} is ${whose}: a translation without a slug takes its original's address and old addresses (aliases), so this line can go; kept, the slug is this translation's own, and when the original's slug changes the ${issue.lang} edition stays behind at the old address, apart from its original`;
      found.push(warning(issue.file, reason, { line: issue.slugLine, column: 1 }, "translation-address"));
    }
    const shared = issue.aliases.filter((alias) => own.aliases.includes(alias));
    if (shared.length > 0) {
      const one = shared.length === 1;
      const which = one ? `${shared[0]} is an alias` : `${shared.join(", ")} are aliases`;
      const remove = shared.length === issue.aliases.length ? "so this line can go" : `so remove ${one ? "it" : "them"} from this list`;
      const kept = one ? "it is this translation's own, and stays when the original drops it" : "they are this translation's own, and stay when the original drops them";
      const reason = `aliases: ${which} of its original too (${own.file}:${own.aliasesLine}): a translation takes its original's old addresses as it takes its address, ${remove}; kept, ${kept} (an address that goes to another issue then clashes here)`;
      found.push(warning(issue.file, reason, { line: issue.aliasesLine, column: 1 }, "translation-address"));
    }
    return found;
  });
}
