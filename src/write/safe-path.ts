import { isAbsolute, relative, resolve, sep } from "node:path";

/** Resolves an output path and refuses anything that would land outside `outDir`. */
export function safeOutputPath(outDir: string, relPath: string): string {
  const target = resolve(outDir, relPath);
  const rel = relative(resolve(outDir), target);
  if (rel === "" || rel.startsWith(`..${sep}`) || rel === ".." || isAbsolute(rel) || relPath.includes("\0")) {
    throw new Error(`refusing to write outside the output directory: ${JSON.stringify(relPath)}`);
  }
  return target;
}
