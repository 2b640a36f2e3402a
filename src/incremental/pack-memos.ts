import { memoOver, type Memo } from "./memo.js";
import { PackStore, type PackRead } from "./pack-store.js";

/** A part of the cache that could not be saved, and why. */
export interface CacheFailure {
  name: string;
  error: unknown;
}

export interface PackMemos<N extends string> {
  memos: Record<N, Memo>;
  /** Writes what changed; a cache that cannot be written only makes the next build slower, so failures come back (by pack) instead of being thrown. */
  save: () => Promise<CacheFailure[]>;
}

/** One memo per name, each over `<dir>/<name>.pack`, each read as `reads` says (see PackRead; default "auto"). */
export async function openPackMemos<N extends string>(dir: string, names: readonly N[], reads: Partial<Record<N, PackRead>> = {}): Promise<PackMemos<N>> {
  const stores = await Promise.all(names.map((name) => PackStore.open(dir, name, reads[name])));
  const memos = Object.fromEntries(names.map((name, i) => [name, memoOver(stores[i] as PackStore)])) as Record<N, Memo>;
  return {
    memos,
    save: async () => {
      const failed = await Promise.all(stores.map((store, i) => store.save().then(() => undefined, (error: unknown): CacheFailure => ({ name: names[i] as string, error }))));
      return failed.filter((failure) => failure !== undefined);
    },
  };
}
