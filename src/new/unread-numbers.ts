import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../diagnostics.js";
import type { ExistingIssue } from "./existing-issues.js";

/**
 * The files whose issue number `gekkan new` could not read (their front
 * matter broken, and no `issue: N` line to pick out by hand), at their
 * first problem: the next number is counted without them, so the one given
 * to the new issue may be theirs too. Said, not passed over: the build
 * reports the broken file, but not that the new issue's number came from a
 * count that left it out.
 */
export function unreadNumberWarnings(existing: readonly ExistingIssue[], given: number): VFileMessage[] {
  return existing.flatMap((e) => {
    if (e.unread === undefined || e.number !== undefined) return [];
    const reason = `gekkan new could not read this file's front matter, so not its issue number either, and counted without it: issue ${given}, the number it gave the new issue, may be this file's too; fix this file (gekkan check says how), then give the new issue another number if the two clash`;
    // Not fatal, so printed as a warning; but no kind ignoreWarnings names (warning-kinds.ts): it is said once, as the file is made, of a file the build reports anyway.
    return [diagnostic(e.file, reason, e.unread, "new-number-unread", false)];
  });
}
