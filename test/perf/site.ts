import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate, type BuildOptions } from "../../src/build.js";

export const repo = join(import.meta.dirname, "..", "..");

/** A throwaway copy of the sample site with its own templates/ (so template and locale edits are possible). */
export async function copySite(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "gekkan-perf-"));
  await cp(join(repo, "content"), join(root, "content"), { recursive: true });
  await cp(join(repo, "templates"), join(root, "templates"), { recursive: true });
  await cp(join(repo, "gekkan.config.json"), join(root, "gekkan.config.json"));
  // The config names files in public/ (favicon, sharing image): the copy needs them.
  await cp(join(repo, "public"), join(root, "public"), { recursive: true });
  return root;
}

export const NOW = new Date("2030-01-01T00:00:00Z");

/** The whole output as path → bytes (hex is not needed: Buffers compare byte for byte). */
export async function outputOf(root: string, options: Partial<BuildOptions> = {}): Promise<Map<string, Buffer>> {
  const { output } = await generate({ root, now: NOW, search: false, ...options });
  return new Map(output.entries().map(([path, content]) => [path, Buffer.from(content)]));
}

export { editFile as edit } from "../helpers/edit.js";

/** Paths whose bytes differ (or exist on one side only). */
export function changedPaths(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => !(a.get(p)?.equals(b.get(p) ?? Buffer.alloc(0)) ?? false)).sort();
}
