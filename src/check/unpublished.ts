import type { IssueMeta } from "../content/render-issue.js";
import { unpublishedNote } from "../site/published.js";
import { originalsIn } from "../site/originals.js";


/**
 * The note of each issue `gekkan build` leaves out today, by file. A
 * translation is published only while its original is (site/collect.ts), so
 * one that is itself ready but whose original is not gets the original's
 * reason: its findings do not break the site as published either.
 */
export function unpublishedNotes(issues: ReadonlyArray<{ issue: Pick<IssueMeta, "file" | "number" | "lang" | "draft" | "date"> }>, siteLang: string, today: string): Map<string, string> {
  const originalOf = originalsIn(issues, siteLang);
  const notes = new Map<string, string>();
  for (const r of issues) {
    const { issue } = r;
    const original = issue.lang === siteLang ? undefined : originalOf(r)?.issue;
    const held = original === undefined ? undefined : unpublishedNote(original, today);
    const note = unpublishedNote(issue, today) ?? (held === undefined ? undefined : `a translation of ${held === "a draft" ? "a draft" : `an issue ${held}`}`);
    if (note !== undefined) notes.set(issue.file, note);
  }
  return notes;
}
