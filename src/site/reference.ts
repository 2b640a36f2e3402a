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
 * so "newest first" needs no extra sort. `originals`, for a translation: the
 * site-language originals, newest first (see componentListing).
 */
export function buildReference(issues: readonly SiteIssue[], entries: readonly BlockEntry[], originals: readonly SiteIssue[] = []): Reference {
  const releases = entries.filter((e) => e.block.kind === "release") as ReleaseEntry[];
  const qa = entries.filter((e) => e.block.kind === "qa") as QaEntry[];
  const stonith = entries.filter((e) => e.block.kind === "stonith") as StonithEntry[];
  const membership = new Map([...issues, ...originals].map((entry) => [entry, issueComponents(entry)]));
  // A translation's reference pages may show an original's block or card: its components get a page too.
  const names = new Set([...[...membership.values()].flatMap((set) => [...set]), ...entries.flatMap((e) => blockComponents(e.block))]);
  const components: ComponentSummary[] = [...names].sort(compareText).map((name) => {
    const own = issues.filter((entry) => membership.get(entry)?.has(name));
    return {
      name,
      issues: own,
      listed: componentListing(own, originals.filter((entry) => membership.get(entry)?.has(name))),
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

/**
 * THE rule for the issues a translation's component page lists (and its
 * components index counts): one per issue number, the edition's own version
 * when it belongs to the component, else the original when that belongs
 * (`originals`: those about the component), in its own language and marked
 * so, newest number first. That is the original not translated yet, and also
 * the one whose translation dropped the block or tag that made it belong:
 * the page's rows still show that block, as the original wrote it (one entry
 * per block, block-match.ts), so its issue is listed beside them, or the
 * list would say nothing of an issue the rows link to.
 */
function componentListing(own: readonly SiteIssue[], originals: readonly SiteIssue[]): SiteIssue[] {
  const numbers = new Set(own.map((entry) => entry.issue.number));
  const others = originals.filter((entry) => !numbers.has(entry.issue.number));
  return others.length === 0 ? [...own] : [...own, ...others].sort((a, b) => b.issue.number - a.issue.number);
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
