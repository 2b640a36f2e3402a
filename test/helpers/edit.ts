import { readFile, writeFile } from "node:fs/promises";

/** Rewrites a file through `change`; an edit that changes nothing is a bug in the test. */
export async function editFile(path: string, change: (text: string) => string): Promise<void> {
  const before = await readFile(path, "utf8");
  const after = change(before);
  if (after === before) throw new Error(`test bug: edit of ${path} changed nothing`);
  await writeFile(path, after);
}
