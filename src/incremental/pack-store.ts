import { join } from "node:path";
import type { MemoStore } from "./memo.js";
import { readPack, writePack } from "./pack.js";

/**
 * A memo store in one pack file: read once at the start of a build, written
 * once at the end holding exactly the entries this build used (which is
 * also the pruning), and not written at all when nothing changed. A pack
 * that cannot be read, or is damaged, is an empty store: the build only
 * gets slower.
 */
export class PackStore implements MemoStore {
  private readonly used = new Map<string, Uint8Array>();
  private changed: boolean;

  private constructor(private readonly path: string, private readonly stored: Map<string, Uint8Array>, damaged: boolean) {
    this.changed = damaged;
  }

  static async open(dir: string, name: string): Promise<PackStore> {
    const path = join(dir, `${name}.pack`);
    try {
      const { entries, damaged } = await readPack(path);
      return new PackStore(path, entries, damaged);
    } catch {
      return new PackStore(path, new Map(), true);
    }
  }

  get(key: string): Uint8Array | undefined {
    const value = this.stored.get(key);
    if (value !== undefined) this.used.set(key, value);
    return value;
  }

  set(key: string, value: Uint8Array): void {
    this.used.set(key, value);
    this.changed = true;
  }

  /** Writes the entries used in this build when anything differs from the file; returns whether it wrote. */
  async save(): Promise<boolean> {
    if (!this.changed && this.used.size === this.stored.size) return false;
    const keys = [...this.used.keys()].sort();
    await writePack(this.path, keys.map((key) => [key, this.used.get(key) as Uint8Array] as const));
    return true;
  }
}
