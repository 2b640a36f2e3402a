import type { VFileMessage } from "vfile-message";
import { warning } from "../diagnostics.js";
import type { SiteIssue } from "./model.js";

/**
 * A published translation its original was corrected after: the original's
 * `updated` is later than the day the translation was last brought up to
 * date (its own `updated`, else its `date`). Readers of the translation's
 * edition may still read what the correction put right, and nothing told
 * the editor, who corrected one file of two. Dates only: gekkan cannot see
 * what changed, and a correction may not touch the translated text at all,
 * so this is a warning. At the translation's `updated:` (else `date:`)
 * line, the day to write when it is brought up to date. Not for a draft: it
 * is a translation in progress (as untranslated-fields.ts).
 */
export function outdatedTranslationWarnings(entries: readonly SiteIssue[]): VFileMessage[] {
  return entries.flatMap((entry) => {
    const outdated = correctedAfterTranslation(entry);
    if (outdated === undefined || entry.issue.draft) return [];
    const { original, corrected } = outdated;
    const { issue } = entry;
    const at = `${original.issue.file}:${original.issue.updatedLine ?? original.issue.dateLine}`;
    const own = issue.updated === undefined ? `is dated ${issue.date} and has no updated` : `was last brought up to date on ${issue.updated} (updated: ${issue.updated})`;
    const set = issue.updated === undefined ? "add updated: with the day you do" : "set its updated: to the day you do";
    const reason = `this ${issue.lang} translation ${own}, but its original (${at}) was corrected after it, on ${corrected}: the ${issue.lang} edition may still say what the correction put right; bring the translation up to date and ${set} (${corrected} or later)`;
    return [warning(issue.file, reason, { line: issue.updatedLine ?? issue.dateLine, column: 1 }, "translation-outdated")];
  });
}

/**
 * The rule both the warning above and the reader's note on the translation's
 * page (render/original-correction.ts) follow, so the editor is warned of
 * exactly the pages that tell readers: the original and the day it was
 * corrected when `entry` is a translation and its original's `updated` is
 * later than the translation's own `updated` (else its `date`); undefined
 * otherwise. The original is told by language, not by identity: `gekkan dev`
 * swaps an edited entry for a new object while its versions keep the old one.
 */
export function correctedAfterTranslation(entry: SiteIssue): { original: SiteIssue; corrected: string } | undefined {
  const original = entry.versions[0];
  if (original === undefined || original.issue.lang === entry.issue.lang) return undefined;
  const corrected = original.issue.updated;
  const since = entry.issue.updated ?? entry.issue.date;
  return corrected === undefined || corrected <= since ? undefined : { original, corrected };
}
