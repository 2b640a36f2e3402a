import { MapStore } from "../incremental/map-store.js";
import { memoOver, noMemo } from "../incremental/memo.js";
import { PackStore } from "../incremental/pack-store.js";
import { FileDigests } from "../incremental/file-digests.js";
import type { Reuse } from "../pipeline/reuse.js";

export interface DevReuse {
  reuse: Reuse;
  /** After each full run: memory keeps what that run used; the first run also fills the dev cache on disk. */
  afterFullRun: () => Promise<void>;
  /** Config or templates changed: start over (not needed for correctness, keys change; it frees memory sooner). */
  clear: () => void;
}

/**
 * The dev server's memos, in memory so a save never waits on the disk.
 * Start-up renders through `cacheDir` (ROOT/.gekkan/dev-cache) as well, so
 * the next `gekkan dev` starts from there. The digests of large public
 * files (and the email's image facts) are held across rebuilds, in memory
 * only: a saved issue does not hash a video again, as a build does not.
 * They hash a changed one a slice at a time with the event loop free
 * between slices, so the server keeps answering meanwhile.
 */
export async function createDevReuse(cacheDir: string | undefined): Promise<DevReuse> {
  const disk = cacheDir === undefined ? undefined : await PackStore.open(cacheDir, "issues");
  const stores = { issues: new MapStore(disk), pages: new MapStore() };
  let pendingSave = disk;
  return {
    // The search index is built beside the server, with its own memo (see search.ts).
    reuse: { issues: memoOver(stores.issues), pages: memoOver(stores.pages), search: noMemo, digests: FileDigests.yielding() },
    afterFullRun: async () => {
      for (const store of Object.values(stores)) store.sweep();
      if (pendingSave === undefined) return;
      const saving = pendingSave;
      pendingSave = undefined;
      stores.issues.detach();
      // The dev cache only speeds up the next start: failing to write it is not worth a message.
      await saving.save().catch(() => undefined);
    },
    clear: () => {
      for (const store of Object.values(stores)) store.clear();
    },
  };
}
