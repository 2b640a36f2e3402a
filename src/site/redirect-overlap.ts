import type { VFileMessage } from "vfile-message";
import type { RedirectsHost } from "../config.js";
import { warning } from "../diagnostics.js";
import { sameAddress, type RedirectRule } from "./redirect-rules.js";
import type { AliasMove } from "./redirects.js";

/**
 * A rule of the author's own _redirects (`file`, its `rules`) for the old
 * address of an issue (an alias), for which gekkan writes a rule too. The
 * author's comes first in the file, and both hosts apply the first rule that
 * matches, so theirs is the one readers meet. A warning, not an error: it
 * may be meant (the old page now leads to something else than the issue),
 * but then the alias says the wrong thing, and most often one of the two is
 * a leftover of the move. One per rule, at its old address.
 */
export function redirectOverlaps(file: string, rules: readonly RedirectRule[], moves: readonly AliasMove[], host: RedirectsHost): VFileMessage[] {
  return rules.flatMap((rule) => {
    const move = moves.find((candidate) => sameAddress(candidate.from, rule.from));
    if (move === undefined) return [];
    const issue = move.entry.issue;
    // Netlify applies a rule that is not forced only where no file is, and gekkan's alias page is one.
    const unforced = host === "netlify" && !rule.forced ? ' (on Netlify only once forced with a "!" after its code, as gekkan\'s alias page is a file there)' : "";
    const reason = `${rule.from} is an old address of issue ${issue.number} (${issue.file}, front matter aliases), and gekkan's rule for it, to ${move.to}, comes after this one in _redirects: this rule is the one applied${unforced}, sending readers to ${rule.to}; remove this line to send them to the issue, or remove the alias if the address is no longer the issue's`;
    return [warning(file, reason, { line: rule.line, column: rule.column }, "redirects-alias")];
  });
}
