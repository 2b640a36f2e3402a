import { createHash } from "node:crypto";
import { join } from "node:path";
import type { RenderContext } from "../content/render-issue.js";
import { readPack, writePack } from "./pack.js";

export const PACK_FILE = "renders.pack";

/**
 * Everything a cached render depends on besides the file itself. The context
 * is listed field by field so that key order in the caller's object does not matter.
 */
export function cacheNamespace(context: RenderContext, fingerprint: string): string {
  const ctx = JSON.stringify([context.components, context.languages, context.defaultLang, context.basePath, context.limits ?? null]);
  return createHash("sha256").update(`gekkan-render-cache\0${fingerprint}\0${ctx}`).digest("hex");
}

/** Content address of one render: namespace + path + bytes. The path is part of it because messages carry it. */
export function renderKey(namespace: string, file: string, bytes: Uint8Array): string {
  return createHash("sha256").update(namespace).update("\0").update(file).update("\0").update(bytes).digest("hex");
}

/**
 * The persistent render cache of one build: loaded once, consulted per issue,
 * then saved holding exactly the entries this build used — which is also the
 * pruning, at no extra cost. Not written at all when nothing changed.
 */
export class RenderCache {
  private readonly used = new Map<string, Buffer>();
  private stale: boolean;

  private constructor(private readonly path: string, private readonly stored: Map<string, Buffer>, damaged: boolean) {
    this.stale = damaged;
  }

  static async open(dir: string): Promise<RenderCache> {
    const path = join(dir, PACK_FILE);
    const { entries, damaged } = await readPack(path);
    return new RenderCache(path, entries, damaged);
  }

  /** The stored payload for `key`, or undefined. */
  get(key: string): Buffer | undefined {
    const payload = this.stored.get(key);
    if (payload !== undefined) this.used.set(key, payload);
    return payload;
  }

  set(key: string, payload: Buffer): void {
    this.used.set(key, payload);
    this.stale = true;
  }

  /** An entry that could not be decoded: never used again, and the pack is rewritten without it. */
  reject(key: string): void {
    this.used.delete(key);
    this.stored.delete(key);
    this.stale = true;
  }

  /** Saves when anything was added, rejected or left unused; returns whether it wrote. */
  async save(): Promise<boolean> {
    if (!this.stale && this.used.size === this.stored.size) return false;
    const keys = [...this.used.keys()].sort();
    await writePack(this.path, keys.map((key) => [key, this.used.get(key) as Buffer] as const));
    return true;
  }
}
