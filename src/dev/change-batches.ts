import { statSync } from "node:fs";
import { join } from "node:path";

const CHOKIDAR_CHANGE_THROTTLE_MS = 50;
/**
 * How long a removed file may take to come back before its removal goes out:
 * chokidar's own atomic window. An editor that moves the file aside and writes
 * it anew (vim, Emacs, JetBrains) brings it back within it, so the save is one
 * batch that sees the file, never a batch in between that sees the issue gone.
 */
const REMOVAL_HOLD_MS = 100;
/**
 * How long a file in public/ must keep its size and date before it counts as
 * written: a video copied in arrives in many writes, and a rebuild between two
 * of them recorded (and the server sent) the part copied so far. chokidar's
 * awaitWriteFinish does this for every file or none; issues must not wait.
 */
const WRITE_SETTLE_MS = 100;

/** mtime, size and inode: what changes when a file is written or replaced ("absent" once deleted, the error's code for a link loop). */
function signatureOf(path: string): string {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat === undefined ? "absent" : `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
  } catch (error) {
    // ELOOP, EACCES…: this timer runs outside any handler, so a throw here ended gekkan dev.
    return String((error as NodeJS.ErrnoException).code);
  }
}

export interface Batcher {
  /** Puts `rel` in the next batch; a removal holds the batch back for REMOVAL_HOLD_MS unless `rel` comes back sooner. */
  add: (rel: string, removed?: boolean) => void;
  /** Whether a watcher event tells the build nothing the batches have not (see goneAtFlush). */
  stale: (event: string, rel: string) => boolean;
  /** Undefined when `rel` waits in no batch; else resolves once the batch holding it has gone out. */
  flushOf: (rel: string) => Promise<void> | undefined;
  close: () => void;
}

/**
 * Debounced batches of root-relative paths: an editor's save (temp file,
 * rename, several writes) is one batch, one rebuild; a file being written
 * into public/ holds its batch until written (see WRITE_SETTLE_MS).
 */
export function batcher(root: string, debounceMs: number, onBatch: (paths: string[]) => void): Batcher {
  let pending = new Set<string>();
  // Paths already gone when the batch naming them went out. chokidar reports a removal up to a second
  // late (while a rebuild keeps the loop busy, its events wait), so a
  // temporary renamed away at once (sed -i's, an atomic save's) would otherwise start a second full
  // rebuild that finds nothing new, and, while the site is broken, print and send its errors again.
  const goneAtFlush = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const rechecks = new Map<string, NodeJS.Timeout>();
  // Removed paths not back yet, and until when the batch waits for them.
  const held = new Map<string, number>();
  const add = (rel: string, removed = false) => {
    pending.add(rel);
    if (removed) held.set(rel, Date.now() + REMOVAL_HOLD_MS);
    else held.delete(rel);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, Math.max(debounceMs, ...[...held.values()].map((until) => until - Date.now())));
  };
  // chokidar drops a second "change" of a path within 50 ms of the first and sends no trailing
  // event (its _throttle), so a save right after another would be lost. Each reported file is
  // looked at once more after that window and reported again if it differs from what the batch saw.
  const recheckLater = (rel: string, seen: string) => {
    clearTimeout(rechecks.get(rel));
    rechecks.set(rel, setTimeout(() => {
      rechecks.delete(rel);
      if (signatureOf(join(root, rel)) !== seen) add(rel);
    }, CHOKIDAR_CHANGE_THROTTLE_MS + 20));
  };
  const writes = settleWatch(root);
  const flushed: Array<() => void> = [];
  const flush = () => {
    timer = undefined;
    if (writes.writing(pending)) {
      timer = setTimeout(flush, WRITE_SETTLE_MS);
      return;
    }
    held.clear();
    const paths = [...pending].sort();
    pending = new Set();
    for (const rel of paths) {
      const seen = signatureOf(join(root, rel));
      if (seen === "absent") goneAtFlush.add(rel);
      else goneAtFlush.delete(rel);
      recheckLater(rel, seen);
    }
    if (paths.length > 0) onBatch(paths);
    // After onBatch, so whoever waited finds the rebuild it started already queued.
    for (const wake of flushed.splice(0)) wake();
  };
  return {
    add,
    stale: (event, rel) => {
      // Gone when its batch went out and reported gone now: the build that batch started saw it gone already.
      // Any other event says it is back, so a removal after that is news again.
      const seenGone = goneAtFlush.delete(rel);
      return seenGone && (event === "unlink" || event === "unlinkDir");
    },
    flushOf: (rel) => (pending.has(rel) ? new Promise<void>((wake) => flushed.push(wake)) : undefined),
    close: () => {
      for (const wake of flushed.splice(0)) wake();
      if (timer) clearTimeout(timer);
      for (const recheck of rechecks.values()) clearTimeout(recheck);
      rechecks.clear();
    },
  };
}

/**
 * Whether any public/ file among `paths` is still being written: its size and
 * date (signatureOf) changed within the last WRITE_SETTLE_MS, as far as looks
 * taken that far apart can tell. A path leaves the record once seen settled.
 */
function settleWatch(root: string): { writing: (paths: Iterable<string>) => boolean } {
  const looked = new Map<string, { seen: string; since: number }>();
  return {
    writing: (paths) => {
      let writing = false;
      for (const rel of paths) {
        if (!rel.startsWith("public/")) continue;
        const seen = signatureOf(join(root, rel));
        const last = looked.get(rel);
        if (last === undefined || last.seen !== seen) looked.set(rel, { seen, since: Date.now() });
        if (Date.now() - (looked.get(rel)?.since ?? 0) < WRITE_SETTLE_MS) writing = true;
        else looked.delete(rel);
      }
      return writing;
    },
  };
}
