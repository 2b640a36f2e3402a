import type { MemoStore } from "../../src/incremental/memo.js";

/** A memo store over a plain map that a test can look into. */
export class MemoryStore implements MemoStore {
  readonly values = new Map<string, Uint8Array>();
  get(key: string) { return this.values.get(key); }
  set(key: string, value: Uint8Array) { this.values.set(key, value); }
}

/** The same, also saying what it holds without reading it, as the build's pack store can. */
export class ListingStore extends MemoryStore {
  has(key: string) { return this.values.has(key); }
}
