import { statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { watch, type FSWatcher } from "chokidar";
import { CONFIG_FILE } from "../config.js";

const CHOKIDAR_CHANGE_THROTTLE_MS = 50;

/** mtime, size and inode: what changes when a file is written or replaced ("absent" once deleted). */
function signatureOf(path: string): string {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat === undefined ? "absent" : `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
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

export function isFullRebuildPath(rel: string): boolean {
  return (WATCHED_FILES as readonly string[]).includes(rel) || rel.startsWith("templates/");
}

/**
 * Watches the site root, filtered to what the build reads, so a directory
 * created later (public/) is picked up and dist/ or node_modules/ never are.
 * Events are debounced: an editor's save (temp file, rename, several
 * writes) arrives as one batch, one rebuild.
 */
export function watchSite(root: string, onBatch: (batch: ChangeBatch) => void, debounceMs = 5): SiteWatcher {
  // chokidar asks about every entry of a folder each time anything in it changes: the usual case, a path under root, is a slice.
  const prefix = root.endsWith(sep) ? root : `${root}${sep}`;
  const toRel = (path: string) => (path.startsWith(prefix) && !path.includes(`${sep}..`) ? path.slice(prefix.length) : relative(root, path)).split(sep).join("/");
  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    atomic: true,
    ignored: (path) => {
      const rel = toRel(path);
      return rel.startsWith("..") || !isSitePath(rel) || rel.split("/").some((part) => part.startsWith(".") && part.length > 1);
    },
  });
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const rechecks = new Map<string, NodeJS.Timeout>();
  const add = (rel: string) => {
    pending.add(rel);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };
  // chokidar drops a second "change" of a path within 50 ms of the first and sends no trailing
  // event (its _throttle), so a save right after another would be lost. Each reported file is
  // looked at once more after that window and reported again if it differs from what the batch saw.
  const recheckLater = (rel: string) => {
    clearTimeout(rechecks.get(rel));
    const seen = signatureOf(join(root, rel));
    rechecks.set(rel, setTimeout(() => {
      rechecks.delete(rel);
      if (signatureOf(join(root, rel)) !== seen) add(rel);
    }, CHOKIDAR_CHANGE_THROTTLE_MS + 20));
  };
  const flush = () => {
    timer = undefined;
    const paths = [...pending].sort();
    pending = new Set();
    for (const rel of paths) recheckLater(rel);
    if (paths.length > 0) onBatch({ paths, full: paths.some(isFullRebuildPath) });
  };
  watcher.on("all", (_event, path) => {
    const rel = toRel(path);
    if (rel !== "") add(rel);
  });
  const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  return {
    ready,
    close: async () => {
      if (timer) clearTimeout(timer);
      for (const recheck of rechecks.values()) clearTimeout(recheck);
      rechecks.clear();
      await watcher.close();
    },
  };
}
