import type { Block } from "../blocks/types.js";
import { compareText } from "../diagnostics.js";
import type { ComponentSummary, Edition, QaEntry, ReleaseEntry, SiteIssue, StonithDevice, StonithEntry } from "./model.js";
import type { BlockEntry } from "./block-match.js";
import { deviceKey } from "./device-key.js";
import { groupBy } from "../group-by.js";

export { deviceKey } from "./device-key.js";

type Reference = Pick<Edition, "releases" | "compat" | "stonith" | "components">;

/** The components a block is about: a release names one, a Q&A several, a STONITH note is about `stonith`. */
export function blockComponents(block: Block): readonly string[] {
  return block.kind === "release" ? [block.component] : block.kind === "qa" ? block.components : ["stonith"];
}

/**
 * THE rule for which issues belong to a component (its page, its feed): an
 * issue belongs to every component it is tagged with and every component one
 * of its blocks is about. Tagging is for issues that discuss a component in
 * prose; a block about it is enough on its own.
 */
export function issueComponents(entry: SiteIssue): Set<string> {
  return new Set([...entry.issue.tags, ...entry.body.blocks.flatMap(blockComponents)]);
}

/** Issues belonging to `name` (see issueComponents), in the order given. */
export function componentIssues(issues: readonly SiteIssue[], name: string): SiteIssue[] {
  return issues.filter((entry) => issueComponents(entry).has(name));
}

/**
 * Rolls typed blocks up across issues: `entries` are the blocks (one per
 * fact, see block-match.ts), `issues` the edition's issues (for component
 * membership). Both are newest first, and every list here keeps that order,
 * so "newest first" needs no extra sort. `untranslated`, for a translation:
 * the originals not translated into it, newest first, listed on its
 * component pages beside its own issues (as their blocks are on its
 * reference pages) but in none of its feeds.
 */
export function buildReference(issues: readonly SiteIssue[], entries: readonly BlockEntry[], untranslated: readonly SiteIssue[] = []): Reference {
  const releases = entries.filter((e) => e.block.kind === "release") as ReleaseEntry[];
  const qa = entries.filter((e) => e.block.kind === "qa") as QaEntry[];
  const stonith = entries.filter((e) => e.block.kind === "stonith") as StonithEntry[];
  const membership = new Map([...issues, ...untranslated].map((entry) => [entry, issueComponents(entry)]));
  // A translation's reference pages may show an untranslated original's block or card: its components get a page too.
  const names = new Set([...[...membership.values()].flatMap((set) => [...set]), ...entries.flatMap((e) => blockComponents(e.block))]);
  const components: ComponentSummary[] = [...names].sort(compareText).map((name) => {
    const own = issues.filter((entry) => membership.get(entry)?.has(name));
    const others = untranslated.filter((entry) => membership.get(entry)?.has(name));
    return {
      name,
      issues: own,
      listed: others.length === 0 ? own : [...own, ...others].sort((a, b) => b.issue.number - a.issue.number),
      releases: releases.filter((r) => r.block.component === name),
      qa: qa.filter((q) => q.block.components.includes(name)),
      stonith: name === "stonith" ? stonith : [],
    };
  });

  return {
    // Array.prototype.sort is stable: within a component, newest first stays.
    releases: [...releases].sort((a, b) => compareText(a.block.component, b.block.component)),
    compat: qa,
    stonith: stonithMatrix(stonith),
    components,
  };
}

function stonithMatrix(entries: readonly StonithEntry[]): StonithDevice[] {
  return [...groupBy(entries, (entry) => deviceKey(entry.block.device)).values()]
    .map((list) => {
      const [current, ...older] = list as [StonithEntry, ...StonithEntry[]];
      return {
        device: current.block.device,
        current,
        history: older.map((entry) => ({ ...entry, superseded: entry.block.plugin !== current.block.plugin })),
      };
    })
    .sort((a, b) => compareText(deviceKey(a.device), deviceKey(b.device)));
}
