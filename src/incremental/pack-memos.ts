import { memoOver, type Memo } from "./memo.js";
import { PackStore, type PackRead } from "./pack-store.js";

export interface PackMemos<N extends string> {
  memos: Record<N, Memo>;
  /** Writes what changed; a cache that cannot be written only makes the next build slower, so failures come back as warnings. */
  save: () => Promise<string[]>;
}

/** One memo per name, each over `<dir>/<name>.pack`, each read as `reads` says (see PackRead; default "auto"). */
export async function openPackMemos<N extends string>(dir: string, names: readonly N[], reads: Partial<Record<N, PackRead>> = {}): Promise<PackMemos<N>> {
  const stores = await Promise.all(names.map((name) => PackStore.open(dir, name, reads[name])));
  const memos = Object.fromEntries(names.map((name, i) => [name, memoOver(stores[i] as PackStore)])) as Record<N, Memo>;
  return {
    memos,
    save: async () => {
      const warnings: string[] = [];
      await Promise.all(stores.map((store, i) => store.save().catch((error: Error) => warnings.push(`cache ${names[i]} not saved: ${error.message}`))));
      return warnings;
    },
  };
}
