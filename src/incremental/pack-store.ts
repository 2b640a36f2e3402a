import { join } from "node:path";
import { compareText } from "../diagnostics.js";
import type { MemoStore } from "./memo.js";
import { Pack, writePack } from "./pack.js";

/**
 * How a pack is read when opened: "whole" in one go whatever its size (small
 * values, most of them read in a build: one read beats thousands);
 * "records" one record at a time as each is used (big values a build
 * mostly leaves unread); "auto" in one go up to a size (see Pack.open).
 */
export type PackRead = "whole" | "records" | "auto";

/**
 * A memo store in one pack file, opened once at the start of a build (its
 * entries are read when used). At the end, what this build added is
 * appended; when the entries no build used any more outweigh the ones it
 * did, the pack is rewritten with exactly the entries this build used (that
 * is the pruning). A stage may decide instead (Memo.unused): unused
 * entries still good are kept (the pack is only appended to), stale ones
 * are dropped now. A pack that cannot be read or is damaged is an empty
 * store, rewritten whole: the build only gets slower.
 */
export class PackStore implements MemoStore {
  /** Keys this run used; the value once read (undefined: still only in the pack). */
  private readonly used = new Map<string, Uint8Array | undefined>();
  private readonly added = new Map<string, Uint8Array>();
  private fate: "keep" | "drop" | undefined;

  private constructor(private readonly path: string, private readonly pack: Pack | undefined) {}

  /** See PackRead. */
  static async open(dir: string, name: string, read: PackRead = "auto"): Promise<PackStore> {
    const path = join(dir, `${name}.pack`);
    let pack: Pack | undefined;
    try {
      pack = read === "whole" ? Pack.open(path, Number.MAX_SAFE_INTEGER) : read === "records" ? Pack.open(path, 0) : Pack.open(path);
    } catch {
      pack = undefined;
    }
    return new PackStore(path, pack);
  }

  get(key: string): Uint8Array | undefined {
    const value = this.used.get(key) ?? this.pack?.get(key);
    if (value !== undefined) this.used.set(key, value);
    return value;
  }

  /** True when the pack holds `key` (not read yet: see Pack); it counts as used. */
  has(key: string): boolean {
    if (this.used.get(key) !== undefined) return true;
    if (this.pack?.has(key) !== true) return false;
    this.used.set(key, undefined);
    return true;
  }

  /** A memo only sets what it did not have or could not use: always new to the file (a later record wins). */
  set(key: string, value: Uint8Array): void {
    this.used.set(key, value);
    this.added.set(key, value);
  }

  /** See Memo.unused. Once a run called them stale they stay stale (a repeated attempt of the same run finds the marker it left). */
  unused(fate: "keep" | "drop"): void {
    if (this.fate !== "drop") this.fate = fate;
  }

  /** Writes what changed, as described above; returns how it wrote, if at all. */
  async save(): Promise<"none" | "appended" | "rewritten"> {
    try {
      return await this.write();
    } finally {
      this.pack?.close();
    }
  }

  private async write(): Promise<"none" | "appended" | "rewritten"> {
    const pack = this.pack;
    let live = 0;
    for (const [key, value] of this.used) live += value?.byteLength ?? pack?.sizeOf(key) ?? 0;
    const pruned = pack !== undefined && this.fate !== "keep" && (this.fate === "drop" ? this.unusedCount(pack) > 0 : pack.size - live > live);
    if (pack === undefined || pack.missing || pack.damaged || pruned) {
      if (pack !== undefined && !pack.missing && !pack.damaged && this.used.size === pack.count && this.added.size === 0) return this.unchanged(pack);
      await writePack(this.path, this.liveEntries());
      return "rewritten";
    }
    if (this.added.size === 0) return this.unchanged(pack);
    await pack.append([...this.added].sort(([a], [b]) => compareText(a, b)));
    return "appended";
  }

  /** Entries of the pack this run did not use. */
  private unusedCount(pack: Pack): number {
    let used = 0;
    for (const key of this.used.keys()) if (pack.has(key)) used++;
    return pack.count - used;
  }

  /** Nothing to write but, if it is missing or behind, the pack's index. */
  private async unchanged(pack: Pack): Promise<"none"> {
    await pack.saveIndex();
    return "none";
  }

  /** The used entries in key order, each read from the old pack only as the new one is written. */
  private *liveEntries(): Generator<readonly [string, Uint8Array]> {
    for (const key of [...this.used.keys()].sort()) {
      const value = this.used.get(key) ?? this.pack?.get(key);
      if (value !== undefined) yield [key, value];
    }
  }
}
