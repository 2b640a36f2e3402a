/**
 * Reuse of earlier work, handed into the stages that own an expensive step.
 *
 * A key names everything the value depends on (a content address), so a
 * stored value can never be stale. Values are bytes both ways: a stage
 * encodes what it computes and decodes whatever the memo hands back, so a
 * stored value and a fresh one reach the stage through the same decoder and
 * a hit gives exactly what the plain path gives.
 */
export interface Memo {
  (key: string, compute: () => Uint8Array | Promise<Uint8Array>, options?: { replace?: boolean }): Promise<Uint8Array>;
  /**
   * A stored value without reading it yet, for a stage whose values are
   * often never looked at (a page whose file the last build already wrote).
   * Undefined when nothing is stored: then call the memo. Reading a value
   * that turns out damaged throws DamagedCacheError.
   */
  stored?: (key: string) => (() => Uint8Array) | undefined;
  /**
   * What becomes of the values this run does not use: `keep` when they are
   * still good (values read only when something bigger is made again, like
   * a partial's HTML inside a page reused whole, which a store that prunes
   * what a run did not use would drop), `drop` when they can never be read
   * again. Not called: the store's own rule.
   */
  unused?: (fate: "keep" | "drop") => void;
}

/** Where a memo keeps values: in memory (dev) or in a pack on disk (build). */
export interface MemoStore {
  get: (key: string) => Uint8Array | undefined;
  set: (key: string, value: Uint8Array) => void;
  /** Whether `key` is stored, without reading its value (stores whose reads cost something). */
  has?: (key: string) => boolean;
  /** See Memo.unused. */
  unused?: (fate: "keep" | "drop") => void;
}

/** A value handed out unread (Memo.stored) failed its check when it was read. */
export class DamagedCacheError extends Error {
  constructor(readonly key: string) {
    super(`gekkan cache entry ${key} is damaged`);
  }
}

/** The plain path: every value computed. */
export const noMemo: Memo = async (_key, compute) => compute();

/**
 * A memo over `store`. `compute` is called synchronously on a miss, before
 * anything is awaited, so a stage can queue many computations and then run
 * them together (on worker threads).
 */
export function memoOver(store: MemoStore): Memo {
  const memo: Memo = (key, compute, options) => {
    const stored = options?.replace === true ? undefined : store.get(key);
    if (stored !== undefined) return Promise.resolve(stored);
    const fresh = compute();
    return Promise.resolve(fresh).then((value) => {
      store.set(key, value);
      return value;
    });
  };
  const has = store.has?.bind(store);
  if (has !== undefined) memo.stored = (key) => (has(key) ? () => readStored(store, key) : undefined);
  if (store.unused !== undefined) memo.unused = store.unused.bind(store);
  return memo;
}

function readStored(store: MemoStore, key: string): Uint8Array {
  const value = store.get(key);
  if (value === undefined) throw new DamagedCacheError(key);
  return value;
}

/**
 * A memoised value through `decode`. A stored value that no longer decodes
 * (written by a damaged or foreign cache) is computed again and replaced,
 * never used and never fatal.
 */
export async function memoDecoded<T>(memo: Memo, key: string, compute: () => Uint8Array | Promise<Uint8Array>, decode: (bytes: Uint8Array) => T): Promise<T> {
  const bytes = await memo(key, compute);
  try {
    return decodeOnce(bytes, decode);
  } catch {
    return decodeOnce(await memo(key, compute, { replace: true }), decode);
  }
}

/**
 * The same bytes object decodes to the same value object: a memo in memory
 * hands back the very bytes it stored, so `gekkan dev` does not decode four
 * thousand unchanged issues on every save, and identity-keyed caches
 * downstream keep working. Values are shared: callers must not mutate them.
 */
const decodedValues = new WeakMap<Uint8Array, { decode: unknown; value: unknown }>();

function decodeOnce<T>(bytes: Uint8Array, decode: (bytes: Uint8Array) => T): T {
  const known = decodedValues.get(bytes);
  if (known !== undefined && known.decode === decode) return known.value as T;
  const value = decode(bytes);
  decodedValues.set(bytes, { decode, value });
  return value;
}
