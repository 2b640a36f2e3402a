import type { Source } from "../pipeline/load-inputs.js";
import { plural } from "../plural.js";

/** What the author did to the issue files since the last good run. */
export interface IssueChanges {
  added: number;
  removed: number;
  /** A file gone and another come with the same bytes: one issue moved to a new name. */
  renamed: number;
  edited: number;
}

/**
 * The issue files added, removed, renamed and edited since the last good
 * run (`before`): an edited one differs from it or was saved for this run
 * (`saved`). The parse stage's own count says how many it parsed, which is
 * none for an issue the quick path parsed a moment before and handed on in
 * the memo; and an issue broken and put back as it was differs from
 * nothing, yet its save is what fixed the site. A file gone and one come
 * with its very bytes is a rename, told as one, not as an issue lost and
 * another written.
 */
export function issueChanges(before: readonly Source[], after: readonly Source[], saved: readonly string[]): IssueChanges {
  const was = new Map(before.map((source) => [source.file, source.digest]));
  const now = new Set(after.map((source) => source.file));
  const savedNow = new Set(saved);
  const added = after.filter((source) => !was.has(source.file));
  const removed = [...was].filter(([file]) => !now.has(file)).map(([, digest]) => digest);
  const edited = after.filter((source) => was.has(source.file) && (was.get(source.file) !== source.digest || savedNow.has(source.file))).length;
  let renamed = 0;
  for (const source of added) {
    const at = removed.indexOf(source.digest);
    if (at === -1) continue;
    removed.splice(at, 1);
    renamed += 1;
  }
  return { added: added.length - renamed, removed: removed.length, renamed, edited };
}

/** "1 issue added, 2 issues edited, " as the dev line starts its counts; "" when no issue changed (a template fixed). */
export function issueChangesText(changes: IssueChanges): string {
  const parts = (["added", "removed", "renamed", "edited"] as const).filter((what) => changes[what] > 0).map((what) => `${plural(changes[what], "issue")} ${what}, `);
  return parts.join("");
}
