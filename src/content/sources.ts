import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from "node:fs";
import { join, sep } from "node:path";

export const CONTENT_DIR = join("content", "issues");

export interface SourceFile {
  /** Relative to the site root, with "/" separators (as printed in messages). */
  file: string;
  bytes: Uint8Array;
}

/** Every `*.md` under content/issues (any depth, dot-names skipped), in a stable order. */
export async function listIssueFiles(root: string): Promise<string[]> {
  const prefix = CONTENT_DIR.split(sep).join("/");
  const files: string[] = [];
  try {
    walk(join(root, CONTENT_DIR), prefix, files);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" && files.length === 0) return [];
    throw error;
  }
  return files.sort();
}

// By hand, not readdir({ recursive }): Node 20's recursive listing is ~5× slower on 4,000 files, and the warm build waits on it.
function walk(dir: string, rel: string, into: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const path = `${rel}/${entry.name}`;
    if (entry.isDirectory()) walk(join(dir, entry.name), path, into);
    else if (entry.name.endsWith(".md")) into.push(path);
  }
}

export async function readSources(root: string): Promise<SourceFile[]> {
  const files = await listIssueFiles(root);
  // Sequential sync reads: thousands of small files read faster this way than as parallel promises.
  return files.map((file) => ({ file, bytes: readFileSync(join(root, file)) }));
}

/**
 * The sources one at a time through one reused buffer: each `bytes` is valid
 * only until the next is asked for. For hashing every source without keeping
 * 4,000 buffers (and collecting them afterwards), as the warm build does.
 */
export function* streamSources(root: string, files: readonly string[]): Generator<SourceFile> {
  let buffer = Buffer.allocUnsafe(64 * 1024);
  for (const file of files) {
    const fd = openSync(join(root, file), "r");
    try {
      const size = fstatSync(fd).size;
      if (size + 1 > buffer.length) buffer = Buffer.allocUnsafe(Math.max(size + 1, buffer.length * 2));
      // Read to the end, not to the size seen: a file growing meanwhile is read whole, as readFileSync would.
      let read = 0;
      for (;;) {
        if (read === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
        const n = readSync(fd, buffer, read, buffer.length - read, read);
        if (n === 0) break;
        read += n;
      }
      yield { file, bytes: buffer.subarray(0, read) };
    } finally {
      closeSync(fd);
    }
  }
}
