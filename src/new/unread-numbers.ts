import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../diagnostics.js";
import type { ExistingIssue } from "./existing-issues.js";

/**
 * The files whose issue number `gekkan new` could not read (their front
 * matter broken, and no `issue: N` line to pick out by hand, at their first
 * problem; or a front matter that reads with no whole number in `issue:`, at
 * that line): the next number is counted without them, so the one given
 * to the new issue may be theirs too. Said, not passed over: the build
 * reports the broken file, but not that the new issue's number came from a
 * count that left it out.
 */
export function unreadNumberWarnings(existing: readonly ExistingIssue[], given: number): VFileMessage[] {
  return existing.flatMap((e) => {
    if (e.number !== undefined) return [];
    const place = e.unread ?? e.numberUnread;
    if (place === undefined) return [];
    // A quoted or worded number (`issue: "4"`) is as unread as a broken front matter: the count leaves it out all the same.
    const what = e.unread !== undefined ? "this file's front matter, so not its issue number either," : e.lines.issue === undefined ? "an issue number in this file (it has no issue: line)," : "this file's issue: as a whole number,";
    const reason = `gekkan new could not read ${what} and counted without it: issue ${given}, the number it gave the new issue, may be this file's too; fix this file (gekkan check says how), then give the new issue another number if the two clash`;
    // Not fatal, so printed as a warning; but no kind ignoreWarnings names (warning-kinds.ts): it is said once, as the file is made, of a file the build reports anyway.
    return [diagnostic(e.file, reason, place, "new-number-unread", false)];
  });
}
