import type { Memo, MemoStore } from "../../src/incremental/memo.js";

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

/** Whether `bytes` is a list of names (a JSON array of strings): the record a search part keeps beside its files, not files Pagefind made. */
export function isNameList(bytes: Uint8Array): boolean {
  try {
    const list = JSON.parse(Buffer.from(bytes).toString("utf8")) as unknown;
    return Array.isArray(list) && list.every((item) => typeof item === "string");
  } catch {
    return false;
  }
}

/**
 * `memo`, counting around it the computations whose value `counted` accepts
 * (all by default), so a miss can never pass for a hit. Stored values stay
 * unread until used, as in `gekkan build` (a stored value is no computation).
 */
export function countingMemo(memo: Memo, counted: (value: Uint8Array) => boolean = () => true): { memo: Memo; count: () => number } {
  let count = 0;
  const wrapped: Memo = (key, compute, options) => memo(key, async () => {
    const value = await compute();
    if (counted(value)) count++;
    return value;
  }, options);
  if (memo.stored !== undefined) wrapped.stored = memo.stored;
  return { memo: wrapped, count: () => count };
}
