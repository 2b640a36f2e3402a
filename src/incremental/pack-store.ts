import { join } from "node:path";
import { compareText } from "../diagnostics.js";
import type { MemoStore } from "./memo.js";
import { appendPack, Pack, writePack } from "./pack.js";

/**
 * A memo store in one pack file, read once at the start of a build. At the
 * end, what this build added is appended; when the entries no build used
 * any more outweigh the ones it did, the pack is rewritten with exactly the
 * entries this build used (that is the pruning). A pack that cannot be read
 * or is damaged is an empty store, rewritten whole: the build only gets
 * slower.
 */
export class PackStore implements MemoStore {
  private readonly used = new Map<string, Uint8Array>();
  private readonly added = new Map<string, Uint8Array>();

  private constructor(private readonly path: string, private readonly pack: Pack | undefined) {}

  static async open(dir: string, name: string): Promise<PackStore> {
    const path = join(dir, `${name}.pack`);
    return new PackStore(path, await Pack.read(path).catch(() => undefined));
  }

  get(key: string): Uint8Array | undefined {
    const value = this.used.get(key) ?? this.pack?.get(key);
    if (value !== undefined) this.used.set(key, value);
    return value;
  }

  /** A memo only sets what it did not have or could not use: always new to the file (a later record wins). */
  set(key: string, value: Uint8Array): void {
    this.used.set(key, value);
    this.added.set(key, value);
  }

  /** Writes what changed, as described above; returns how it wrote, if at all. */
  async save(): Promise<"none" | "appended" | "rewritten"> {
    const pack = this.pack;
    let live = 0;
    for (const value of this.used.values()) live += value.byteLength;
    const whole = pack === undefined || pack.missing || pack.damaged || pack.size - live > live;
    if (whole) {
      if (pack !== undefined && !pack.missing && !pack.damaged && this.used.size === pack.keys().length && this.added.size === 0) return "none";
      const keys = [...this.used.keys()].sort();
      await writePack(this.path, keys.map((key) => [key, this.used.get(key) as Uint8Array] as const));
      return "rewritten";
    }
    if (this.added.size === 0) return "none";
    await appendPack(this.path, [...this.added].sort(([a], [b]) => compareText(a, b)));
    return "appended";
  }
}
