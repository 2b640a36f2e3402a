import { lstatSync } from "node:fs";

/** One file as written: enough to tell later that nobody changed it, and what it holds. */
export interface FileRecord {
  path: string;
  /** Content address (OutputSet.identity). */
  id: string;
  ino: number;
  size: number;
  mtimeMs: number;
}

/** Unchanged since it was recorded (same inode, size and mtime): safe to link into the next build. */
export function intact(path: string, record: Pick<FileRecord, "ino" | "size" | "mtimeMs">): boolean {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  return stat !== undefined && stat.isFile() && stat.ino === record.ino && stat.size === record.size && stat.mtimeMs === record.mtimeMs;
}
