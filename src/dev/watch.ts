import { join, relative, sep } from "node:path";
import { watch, type FSWatcher } from "chokidar";
import { CONFIG_FILE } from "../config.js";
import { issueFileKind } from "../content/source-tree.js";
import { isKeptOut } from "../kept-out.js";
import { batcher } from "./change-batches.js";
import { linkGuard } from "./watch-links.js";

/** What a batch of file events means for the rebuild. */
export interface ChangeBatch {
  /** Root-relative paths with "/" separators. */
  paths: string[];
  /** Config or templates changed: every cached result may be stale. */
  full: boolean;
  /** Set when the batch is the new day's rebuild (see dayTurn): the day that began. */
  day?: string;
}

export interface SiteWatcher {
  ready: Promise<void>;
  /** Undefined when no change to `rel` (root-relative) waits to go out; else resolves when it has gone to the rebuild. */
  flushOf: (rel: string) => Promise<void> | undefined;
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
  const batches = batcher(root, debounceMs, (paths) => onBatch({ paths, full: paths.some(isFullRebuildPath) }));
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
    flushOf: batches.flushOf,
    close: async () => {
      batches.close();
      await watcher.close();
    },
  };
}
