import { statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { watch, type FSWatcher } from "chokidar";
import { CONFIG_FILE } from "../config.js";
import { issueFileKind } from "../content/source-tree.js";
import { isKeptOut } from "../kept-out.js";
import { linkGuard } from "./watch-links.js";

const CHOKIDAR_CHANGE_THROTTLE_MS = 50;
/**
 * How long a removed file may take to come back before its removal goes out:
 * chokidar's own atomic window. An editor that moves the file aside and writes
 * it anew (vim, Emacs, JetBrains) brings it back within it, so the save is one
 * batch that sees the file, never a batch in between that sees the issue gone.
 */
const REMOVAL_HOLD_MS = 100;

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

/** What a batch of file events means for the rebuild. */
export interface ChangeBatch {
  /** Root-relative paths with "/" separators. */
  paths: string[];
  /** Config or templates changed: every cached result may be stale. */
  full: boolean;
}

export interface SiteWatcher {
  ready: Promise<void>;
  close: () => Promise<void>;
}

const WATCHED_DIRS = ["content", "templates", "public"] as const;
const WATCHED_FILES = [CONFIG_FILE, "package.json"] as const;

/** True for the paths a site's build reads: content/, templates/, public/ and the config. */
export function isSitePath(rel: string): boolean {
  if (rel === "") return true;
  if ((WATCHED_FILES as readonly string[]).includes(rel)) return true;
  const top = rel.split("/")[0] ?? "";
  return (WATCHED_DIRS as readonly string[]).includes(top);
}

/**
 * Whether the watcher stays out of `rel` (root-relative, "/"): what the build
 * never reads. Editors' leftovers anywhere; in content/, dot-names too (the
 * issue walk skips them), while public/ publishes `.well-known/` and so is watched there.
 */
function outsideBuild(rel: string): boolean {
  if (rel.startsWith("..") || !isSitePath(rel)) return true;
  const parts = rel.split("/");
  if (parts.some(isKeptOut)) return true;
  return parts[0] === "content" && parts.some((part) => part.startsWith(".") && part.length > 1);
}

/**
 * Whether a file event at `rel` can change the build: under content/, only
 * content/issues itself and the names the issue walk reads or reports, so an
 * editor's temporary (`2011-04.md.tmp`, `2011-04.md___jb_tmp___`) neither
 * rebuilds nor turns the save of an issue into a full rebuild.
 */
function buildReads(rel: string): boolean {
  if (!rel.startsWith("content/") || rel === "content/issues") return true;
  return rel.startsWith("content/issues/") && issueFileKind(rel.slice(rel.lastIndexOf("/") + 1)) !== undefined;
}

export function isFullRebuildPath(rel: string): boolean {
  return (WATCHED_FILES as readonly string[]).includes(rel) || rel.startsWith("templates/");
}

/**
 * Watches the site root, filtered to what the build reads, so a directory
 * created later (public/) is picked up and dist/ or node_modules/ never are.
 * Events are debounced: an editor's save (temp file, rename, several
 * writes) arrives as one batch, one rebuild. A watcher error other than a
 * link loop (which the build reports) goes to `onError`, in words.
 */
export function watchSite(root: string, onBatch: (batch: ChangeBatch) => void, debounceMs = 5, onError: (message: string) => void = () => {}): SiteWatcher {
  // chokidar asks about every entry of a folder each time anything in it changes: the usual case, a path under root, is a slice.
  const prefix = root.endsWith(sep) ? root : `${root}${sep}`;
  const toRel = (path: string) => (path.startsWith(prefix) && !path.includes(`${sep}..`) ? path.slice(prefix.length) : relative(root, path)).split(sep).join("/");
  const guard = linkGuard(root);
  const batches = batcher(root, debounceMs, onBatch);
  const add = batches.add;
  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    // chokidar's atomic option holds a removal back 100 ms on its own, so the two halves of a rename (the old
    // name's unlink, the new name's add) went out in two batches, two rebuilds. The batcher holds it instead,
    // with whatever else is pending (see REMOVAL_HOLD_MS).
    atomic: false,
    ignored: (path) => {
      const rel = toRel(path);
      if (outsideBuild(rel)) return true;
      const stayOut = guard(path, rel);
      if (stayOut === "link") refuse(rel);
      return stayOut !== false;
    },
  });
  // Links chokidar is kept out of (or cannot stat: a loop) make no events of their own. Each is rebuilt
  // for once it appears, so the build names it, and again when its folder's raw event says it went or changed.
  const refused = new Set<string>();
  let started = false;
  const refuse = (rel: string) => {
    if (refused.has(rel)) return;
    refused.add(rel);
    if (started) add(rel);
  };
  watcher.on("raw", (_event, name, details) => {
    const folder = (details as { watchedPath?: string } | undefined)?.watchedPath;
    const rel = folder === undefined ? "" : toRel(join(folder, name));
    if (refused.delete(rel)) add(rel);
  });
  watcher.on("error", (error) => {
    const { code, path } = error as NodeJS.ErrnoException;
    if (code === "ELOOP" && path !== undefined) refuse(toRel(path));
    else onError(`gekkan dev: cannot watch ${path === undefined ? "the site" : toRel(path)} (${code ?? String(error)}); a change there shows after a restart`);
  });
  watcher.on("all", (event, path) => {
    const rel = toRel(path);
    if (batches.stale(event, rel)) return;
    if (rel !== "" && (event === "addDir" || event === "unlinkDir" || buildReads(rel))) add(rel, event === "unlink");
  });
  const ready = new Promise<void>((resolve) => watcher.once("ready", () => {
    started = true;
    resolve();
  }));
  return {
    ready,
    close: async () => {
      batches.close();
      await watcher.close();
    },
  };
}

interface Batcher {
  /** Puts `rel` in the next batch; a removal holds the batch back for REMOVAL_HOLD_MS unless `rel` comes back sooner. */
  add: (rel: string, removed?: boolean) => void;
  /** Whether a watcher event tells the build nothing the batches have not (see goneAtFlush). */
  stale: (event: string, rel: string) => boolean;
  close: () => void;
}

/** Debounced batches of root-relative paths: an editor's save (temp file, rename, several writes) is one batch, one rebuild. */
function batcher(root: string, debounceMs: number, onBatch: (batch: ChangeBatch) => void): Batcher {
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
  const flush = () => {
    timer = undefined;
    held.clear();
    const paths = [...pending].sort();
    pending = new Set();
    for (const rel of paths) {
      const seen = signatureOf(join(root, rel));
      if (seen === "absent") goneAtFlush.add(rel);
      else goneAtFlush.delete(rel);
      recheckLater(rel, seen);
    }
    if (paths.length > 0) onBatch({ paths, full: paths.some(isFullRebuildPath) });
  };
  return {
    add,
    stale: (event, rel) => {
      // Gone when its batch went out and reported gone now: the build that batch started saw it gone already.
      // Any other event says it is back, so a removal after that is news again.
      const seenGone = goneAtFlush.delete(rel);
      return seenGone && (event === "unlink" || event === "unlinkDir");
    },
    close: () => {
      if (timer) clearTimeout(timer);
      for (const recheck of rechecks.values()) clearTimeout(recheck);
      rechecks.clear();
    },
  };
}
