import { createRequire } from "node:module";
import { resolve } from "node:path";
import { cruise, type IReporterOutput, type ICruiseResult } from "dependency-cruiser";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..", "..");
const rules = createRequire(import.meta.url)(resolve(ROOT, ".dependency-cruiser.cjs")) as { forbidden: unknown[]; options: Record<string, unknown> };

/**
 * The import graph of src/, checked against `forbidden`. Without `validate`, dependency-cruiser's API takes the
 * rule set and checks nothing: every run reported no violations while two had come in.
 */
async function graph(forbidden: unknown[] = rules.forbidden): Promise<ICruiseResult> {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const result: IReporterOutput = await cruise(["src"], { ...rules.options, validate: true, ruleSet: { forbidden } } as never);
    return result.output as ICruiseResult;
  } finally {
    process.chdir(cwd);
  }
}

/** The top folder (or file) of a module under src/: the unit the layers are drawn in. */
const folderOf = (path: string) => path.split("/").slice(0, 2).join("/");

describe("the layering of src/", () => {
  it("no import runs back up a layer, no cycle, and no domain module knows about caching", async () => {
    const result = await graph();
    const violations = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(violations).toEqual([]);
    expect(result.modules.length).toBeGreaterThan(50);
  }, 60_000);

  it("the check sees a forbidden import", async () => {
    // cli.ts imports the commands: a rule against that must fire, or the rules above are not being applied.
    const result = await graph([{ name: "probe", severity: "error", from: { path: "^src/cli\\.ts$" }, to: { path: "^src/commands/" } }]);
    expect(result.summary.violations.map((v) => v.rule.name)).toContain("probe");
  }, 60_000);

  it("the folders form no cycle either", async () => {
    const result = await graph();
    const edges = new Map<string, Set<string>>();
    for (const module of result.modules) {
      const from = folderOf(module.source);
      for (const dependency of module.dependencies) {
        const to = folderOf(dependency.resolved);
        if (to.startsWith("src/") && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    // Depth-first search for a back edge.
    const state = new Map<string, "open" | "done">();
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      state.set(node, "open");
      for (const next of edges.get(node) ?? []) {
        if (state.get(next) === "open") cycles.push([...path, node, next].join(" → "));
        else if (!state.has(next)) visit(next, [...path, node]);
      }
      state.set(node, "done");
    };
    for (const node of edges.keys()) if (!state.has(node)) visit(node, []);
    expect(cycles).toEqual([]);
    expect(edges.size).toBeGreaterThan(8);
  }, 60_000);
});
