import type { Block, BlockKind } from "../blocks/types.js";
import { compareText } from "../diagnostics.js";
import type { ComponentSummary, QaEntry, ReleaseEntry, Site, SiteIssue, StonithDevice, StonithEntry } from "./model.js";

type Reference = Pick<Site, "releases" | "compat" | "stonith" | "components">;

/**
 * Rolls typed blocks up across issues. `issues` is newest first, and every
 * list here keeps that order, so "newest first" needs no extra sort.
 */
export function buildReference(issues: readonly SiteIssue[]): Reference {
  const releases = entriesOf(issues, "release") as ReleaseEntry[];
  const qa = entriesOf(issues, "qa") as QaEntry[];
  const stonith = entriesOf(issues, "stonith") as StonithEntry[];

  const names = new Set<string>();
  for (const entry of issues) entry.issue.tags.forEach((t) => names.add(t));
  releases.forEach((r) => names.add(r.block.component));
  qa.forEach((q) => q.block.components.forEach((c) => names.add(c)));
  const components: ComponentSummary[] = [...names].sort(compareText).map((name) => ({
    name,
    issues: issues.filter((i) => i.issue.tags.includes(name)),
    releases: releases.filter((r) => r.block.component === name),
    qa: qa.filter((q) => q.block.components.includes(name)),
    stonith: name === "stonith" ? stonith : [],
  }));

  return {
    releases: group(releases, (r) => [r.block.component]),
    compat: group(qa, (q) => q.block.components),
    stonith: stonithMatrix(stonith),
    components,
  };
}

/** Whether an issue is about a component: it is tagged with it, or a release or Q&A block names it. */
export function belongsToComponent(entry: SiteIssue, name: string): boolean {
  return entry.issue.tags.includes(name) || entry.body.blocks.some((b) => (b.kind === "release" && b.component === name) || (b.kind === "qa" && b.components.includes(name)));
}

function entriesOf(issues: readonly SiteIssue[], kind: BlockKind): Array<{ block: Block; source: { issue: SiteIssue; anchorRoute: string } }> {
  return issues.flatMap((issue) =>
    issue.body.blocks.filter((b) => b.kind === kind).map((block) => ({ block, source: { issue, anchorRoute: `${issue.route}#${block.id}` } })),
  );
}

function group<T>(entries: readonly T[], keys: (entry: T) => readonly string[]): Array<{ component: string; entries: T[] }> {
  const map = new Map<string, T[]>();
  for (const entry of entries) for (const key of keys(entry)) map.set(key, [...(map.get(key) ?? []), entry]);
  return [...map].sort(([a], [b]) => compareText(a, b)).map(([component, list]) => ({ component, entries: list }));
}

/** Devices are matched case- and spacing-insensitively: "HP iLO3" = "hp  ilo3". */
export function deviceKey(device: string): string {
  return device.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

function stonithMatrix(entries: readonly StonithEntry[]): StonithDevice[] {
  const byDevice = new Map<string, StonithEntry[]>();
  for (const entry of entries) {
    const key = deviceKey(entry.block.device);
    byDevice.set(key, [...(byDevice.get(key) ?? []), entry]);
  }
  return [...byDevice.values()]
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
