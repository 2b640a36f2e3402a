import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { OutputSet } from "./output.js";
import { safeOutputPath } from "../site/urls.js";
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from "./output-dir.js";

/** Writes every file of the set under `dir` (which must not exist yet or be empty). */
export async function writeTree(dir: string, output: OutputSet): Promise<void> {
  const made = new Set<string>();
  for (const [path, content] of output.entries()) {
    const target = safeOutputPath(dir, path);
    const parent = dirname(target);
    if (!made.has(parent)) {
      await mkdir(parent, { recursive: true });
      made.add(parent);
    }
    await writeFile(target, content);
  }
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
}

/**
 * Builds into a sibling temp dir, then swaps it in with renames. A build that
 * fails before the swap leaves the previous output exactly as it was.
 */
export async function writeAtomically(outDir: string, output: OutputSet): Promise<void> {
  const out = resolve(outDir);
  const stamp = `${process.pid}-${Date.now()}`;
  const temp = join(dirname(out), `.${basename(out)}.building-${stamp}`);
  const old = join(dirname(out), `.${basename(out)}.old-${stamp}`);
  await mkdir(dirname(out), { recursive: true });
  try {
    await writeTree(temp, output);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  let hadOld = true;
  try {
    await rename(out, old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    hadOld = false;
  }
  await rename(temp, out);
  if (hadOld) await rm(old, { recursive: true, force: true });
}
