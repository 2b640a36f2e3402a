import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";

export const CONTENT_DIR = join("content", "issues");

export interface SourceFile {
  /** Relative to the site root, with "/" separators (as printed in messages). */
  file: string;
  bytes: Uint8Array;
}

/** Every `*.md` under content/issues (any depth), in a stable order. */
export async function listIssueFiles(root: string): Promise<string[]> {
  const dir = join(root, CONTENT_DIR);
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries
    .filter((name) => name.endsWith(".md") && !name.split(sep).some((part) => part.startsWith(".")))
    .map((name) => relative(root, join(dir, name)).split(sep).join("/"))
    .sort();
}

export async function readSources(root: string): Promise<SourceFile[]> {
  const files = await listIssueFiles(root);
  // Sequential sync reads: thousands of small files read faster this way than as parallel promises.
  return files.map((file) => ({ file, bytes: readFileSync(join(root, file)) }));
}
