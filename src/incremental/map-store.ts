import type { MemoStore } from "./memo.js";

/**
 * Values in memory for `gekkan dev`. `sweep()` forgets everything not used
 * since the previous sweep, so memory holds one site's worth, and a stored
 * value keeps its identity: an unchanged page is the very same buffer.
 * A `fallback` store (the dev cache on disk) answers misses and receives
 * new values until `detach()`: start-up reads it, edits never wait on it.
 */
export class MapStore implements MemoStore {
  private entries = new Map<string, Uint8Array>();
  private used = new Map<string, Uint8Array>();

  constructor(private fallback?: MemoStore) {}

  get(key: string): Uint8Array | undefined {
    const value = this.used.get(key) ?? this.entries.get(key) ?? this.fallback?.get(key);
    if (value !== undefined) this.used.set(key, value);
    return value;
  }

  set(key: string, value: Uint8Array): void {
    this.used.set(key, value);
    this.fallback?.set(key, value);
  }

  /** Call after a full run: what it did not use is gone. */
  sweep(): void {
    this.entries = this.used;
    this.used = new Map();
  }

  detach(): void {
    this.fallback = undefined;
  }

  clear(): void {
    this.entries = new Map();
    this.used = new Map();
  }
}
