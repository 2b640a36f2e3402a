import type { VFileMessage } from "vfile-message";
import type { IssueMeta } from "../content/render-issue.js";
import { diagnostic, isError } from "../diagnostics.js";
import { isPublished, unpublishedNote } from "../site/published.js";

/**
 * The parse stage's problems as this build weighs them. A mistake in a draft
 * or a future-dated issue cannot reach readers while the build leaves that
 * issue out, so it must not stop the build: a half-written next issue would
 * otherwise block an urgent fix to last month's, or a scheduled daily build.
 * Its errors become warnings that say so; when the build includes the issue
 * (--drafts, --future, the dev server's preview, gekkan check) they stay
 * errors and say where they are. Only issues whose front matter was read are
 * known to be drafts or future-dated; cross-file problems (a number used
 * twice) are not touched, as they hold whatever is published.
 */
export function weighedProblems(messages: readonly VFileMessage[], failed: readonly IssueMeta[], today: string, include: { drafts: boolean; future: boolean }): VFileMessage[] {
  const unpublished = new Map(failed.flatMap((issue) => {
    const note = unpublishedNote(issue, today);
    return note === undefined ? [] : [[issue.file, { note, left: !isPublished(issue, today, include) }] as const];
  }));
  return messages.map((message) => {
    const found = unpublished.get(message.file ?? "");
    if (found === undefined || !isError(message)) return message;
    const place = { line: message.line ?? 1, column: message.column ?? 1 };
    return found.left
      ? diagnostic(message.file ?? "", `${message.reason} [in ${found.note}${LEFT_OUT}`, place, String(message.ruleId), false)
      : diagnostic(message.file ?? "", `${message.reason} [in ${found.note}]`, place, String(message.ruleId));
  });
}

const LEFT_OUT = ", left out of this build; fix it before it is published]";

/**
 * A warning made above for an issue the build left out: it says already
 * where it is, so `gekkan check --published` must not mark it again
 * ("… before it is published] [in a draft]").
 */
export function saysLeftOut(message: VFileMessage): boolean {
  return !isError(message) && message.reason.endsWith(LEFT_OUT);
}
