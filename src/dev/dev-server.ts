import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { VFileMessage } from "vfile-message";
import { buildTime, generate } from "../build.js";
import type { Io } from "../cli-support.js";
import { ContentError, diagnostic, formatDiagnostic } from "../diagnostics.js";
import { readSourceFile } from "../content/sources.js";
import { PageMemo, type PageMemoStats } from "../render/page-memo.js";
import type { OutputSet } from "../write/output.js";
import { EventHub } from "./events.js";
import { createDevHttpServer } from "./http.js";
import { listenFrom } from "./listen.js";
import { changedCount, diffOutputs, patchSnapshot, snapshot, type OutputDiff, type Snapshot } from "./output-diff.js";
import { quickRebuild, quickState, type QuickState } from "./quick-rebuild.js";
import { createCatchUp } from "./catch-up.js";
import { toProblems } from "./problems.js";
import { createRenderCache, type RenderCacheStats } from "./render-cache.js";
import { createSearchRebuilder } from "./search.js";
import { watchSite, type ChangeBatch, type SiteWatcher } from "./watch.js";
import { plural } from "../plural.js";

export const DEFAULT_PORT = 4321;
export const DEFAULT_HOST = "127.0.0.1";
const WARM_UP_ISSUES = 50;

export interface DevServerOptions {
  root: string;
  port?: number;
  host?: string;
  /** Drafts and future issues are shown (with badges) unless turned off. */
  drafts?: boolean;
  future?: boolean;
  search?: boolean;
  io: Io;
  debounceMs?: number;
  /** Quiet time after the last rebuild before the search index is rebuilt. */
  searchDelayMs?: number;
  /** Persistent render cache for start-up (the CLI uses ROOT/.gekkan/dev-cache); absent = memory only. */
  cacheDir?: string | undefined;
  /** Quiet time after a quick rebuild before the full one that brings feeds and data files up to date. */
  catchUpDelayMs?: number;
}

/** The outcome of one rebuild, for the terminal and for tests. */
export type RebuildOutcome =
  | { ok: true; mode: "quick" | "full"; diff: OutputDiff | undefined; ms: number; stats: RenderCacheStats; pages: PageMemoStats }
  | { ok: false; messages: VFileMessage[] };

export interface DevServer {
  url: string;
  /** The address actually bound, e.g. "127.0.0.1". */
  address: string;
  port: number;
  /** The requested port was busy and a later one is used. */
  moved: boolean;
  /** Resolves once no rebuild is running or queued. */
  idle: () => Promise<void>;
  /** Resolves once no rebuild is running, queued or waiting to catch up after a quick one. */
  settled: () => Promise<void>;
  /** Open live-reload connections. */
  clients: () => number;
  /** The most recent rebuild's outcome. */
  last: () => RebuildOutcome | undefined;
  /** Resolves once no search index rebuild is running or scheduled. */
  searchIdle: () => Promise<void>;
  /** Search index rebuilds finished so far. */
  searchBuilds: () => number;
  close: () => Promise<void>;
}

/**
 * `gekkan dev`: build in memory, serve the result, rebuild on change, and
 * tell open pages over SSE. A failed rebuild keeps the last good site up and
 * shows the problems in the terminal and in an overlay.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const { root, io } = options;
  const cache = createRenderCache({ cacheDir: options.cacheDir });
  // Pages as buffers, as in a build: a smaller JS heap keeps major GC pauses out of the save→reload path.
  const memo = new PageMemo({ bytes: true });
  const search = createSearchRebuilder({ delayMs: options.searchDelayMs, io });
  const hub = new EventHub();
  let current: Snapshot | undefined;
  let failing = false;
  let lastOutcome: RebuildOutcome | undefined;
  let printedWarnings = "";
  let quick: QuickState | undefined;
  /** Issue pages changed by quick rebuilds since the last full one: the search index has not seen them. */
  let quickSinceFull = false;
  // An empty batch is a full rebuild that no file asked for: the catch-up.
  const catchUp = createCatchUp(options.catchUpDelayMs ?? 1000, () => schedule({ paths: [], full: false }));

  /** Edited issues whose cards and blocks are unchanged: re-render their pages only (see quick-rebuild.ts). */
  const tryQuick = (batch: ChangeBatch): boolean => {
    if (quick === undefined || current === undefined || failing || batch.full || batch.paths.length === 0) return false;
    if (!batch.paths.every((path) => path.startsWith("content/issues/") && path.endsWith(".md"))) return false;
    const started = performance.now();
    const changed = [];
    for (const file of batch.paths) {
      // Never blocks on a FIFO or reads outside the site; the full rebuild reports such a file.
      const read = readSourceFile(root, file);
      if (!("bytes" in read)) return false;
      const result = cache.renderFile(file, read.bytes);
      if (result === undefined) return false;
      changed.push({ file, result });
    }
    const outcome = quickRebuild(quick, changed);
    if (!outcome.ok) return false;
    quick = outcome.state;
    quickSinceFull = true;
    const patched = patchSnapshot(current, outcome.pages.map(([path, html]) => [path, Buffer.from(html, "utf8")] as const));
    current = patched.snapshot;
    const ms = Math.round(performance.now() - started);
    const total = memo.stats.rendered + memo.stats.reused;
    lastOutcome = { ok: true, mode: "quick", diff: patched.diff, ms, stats: { rendered: changed.length, reused: quick.byFile.size - changed.length }, pages: { rendered: outcome.pages.length, reused: total - outcome.pages.length, bodiesRendered: outcome.pages.length } };
    announce(patched.diff, false, current);
    const count = changedCount(patched.diff);
    io.out(`gekkan dev: rebuilt in ${ms} ms (quick: ${plural(outcome.pages.length, "page")} re-rendered); ${plural(count, "file")} changed; feeds and search follow`);
    catchUp.schedule();
    return true;
  };

  const rebuild = async (batch: ChangeBatch | undefined): Promise<void> => {
    if (batch !== undefined && tryQuick(batch)) return;
    catchUp.cancel();
    const catchingUp = batch !== undefined && batch.paths.length === 0;
    // A config or template change is a full rebuild: cached issues start over too.
    if (batch?.full) {
      cache.clear();
      // Not needed for correctness (the fingerprint changes), only to free the old pages sooner.
      memo.clear();
    }
    const started = performance.now();
    try {
      // The search index is never built inline: it follows the reload, in the background (see search.ts).
      const generated = await generate(
        { root, drafts: options.drafts ?? true, future: options.future ?? true, base: "/", now: buildTime(), search: false },
        { renderAll: cache.renderAll, pageMemo: memo },
      );
      const warnings = generated.warnings.map(formatDiagnostic).join("\n");
      if (warnings !== printedWarnings && warnings !== "") io.err(warnings);
      printedWarnings = warnings;
      const next = snapshot(generated.output, current);
      const diff = current === undefined ? undefined : diffOutputs(current, next);
      const wasFailing = failing;
      current = next;
      failing = false;
      quick = generated.env === undefined ? undefined : quickState(generated.site, generated.env);
      const ms = Math.round(performance.now() - started);
      lastOutcome = { ok: true, mode: "full", diff, ms, stats: { ...cache.stats }, pages: { ...memo.stats } };
      const searchWanted = generated.config.search && options.search !== false;
      if (diff === undefined) {
        if (wasFailing) hub.send({ type: "reload", data: { paths: null } });
        if (searchWanted) search.schedule(generated.searchPages, generated.config.lang, generated.config.searchShardSize);
        const n = generated.site.issues.length;
        io.out(`gekkan dev: built ${plural(n, "issue")} (drafts ${options.drafts === false ? "hidden" : "shown"}) in ${ms} ms`);
        return;
      }
      announce(diff, wasFailing, next);
      // After the reload: only issue pages feed the index, so nothing else needs it rebuilt.
      const unindexed = quickSinceFull;
      quickSinceFull = false;
      if (searchWanted && (unindexed || wasFailing || diff.added.concat(diff.changed, diff.removed).some((p) => p.endsWith(".html")))) search.schedule(generated.searchPages, generated.config.lang, generated.config.searchShardSize);
      const count = changedCount(diff);
      if (catchingUp) {
        io.out(`gekkan dev: caught up in ${ms} ms (feeds, lists, data files); ${plural(count, "file")} changed`);
        return;
      }
      const issues = `${plural(cache.stats.rendered, "issue")} re-rendered, ${cache.stats.reused} reused`;
      const pages = `${plural(memo.stats.rendered, "page")} re-rendered`;
      io.out(`gekkan dev: rebuilt in ${ms} ms (${issues}, ${pages}); ${plural(count, "file")} changed${wasFailing ? "; errors fixed" : ""}`);
    } catch (error) {
      const messages = error instanceof ContentError ? error.messages : [internalProblem(error)];
      failing = true;
      lastOutcome = { ok: false, messages };
      for (const message of messages) io.err(formatDiagnostic(message));
      io.err(current === undefined ? "gekkan dev: the site has errors; fix them and the page reloads" : "gekkan dev: still serving the last good build");
      hub.send({ type: "error", data: { messages: toProblems(root, messages) } });
    }
  };

  const announce = (diff: OutputDiff, wasFailing: boolean, next: Snapshot) => {
    if (wasFailing) hub.send({ type: "reload", data: { paths: null } });
    else if (diff.cssOnly) hub.send({ type: "css", data: { hrefs: diff.changed.filter((p) => p.endsWith(".css")).map((p) => `/${p}?v=${(next.hashes.get(p) ?? "").slice(0, 10)}`) } });
    else if (changedCount(diff) > 0) hub.send({ type: "reload", data: { paths: [...diff.added, ...diff.changed, ...diff.removed] } });
  };

  // One rebuild at a time; batches that arrive meanwhile merge into the next one.
  let chain: Promise<void> = Promise.resolve();
  let pending: ChangeBatch | undefined;
  const schedule = (batch: ChangeBatch) => {
    if (pending) {
      pending = { paths: [...new Set([...pending.paths, ...batch.paths])].sort(), full: pending.full || batch.full };
      return;
    }
    pending = batch;
    chain = chain.then(() => {
      const next = pending;
      pending = undefined;
      return rebuild(next);
    });
  };

  await rebuild(undefined);
  // Start-up rendered on worker threads, so this thread's pipeline has never run: the first save
  // would pay for compiling it (~150 ms at 4,000 issues). Render a few issues now, one per tick.
  let warming: NodeJS.Immediate | undefined;
  const warmUp = (files: string[]) => {
    const file = files.shift();
    if (file === undefined) return;
    // A file that vanished meanwhile (or is no regular file) has nothing to warm.
    const read = readSourceFile(root, file);
    if ("bytes" in read) cache.warm(file, read.bytes);
    warming = setImmediate(() => warmUp(files));
  };
  warmUp((quick?.site.issues ?? []).slice(0, WARM_UP_ISSUES).map((entry) => entry.issue.file));
  const server: Server = createDevHttpServer({ output: (): OutputSet | undefined => current?.output, search: search.output, hub });
  const host = options.host ?? DEFAULT_HOST;
  const listening = await listenFrom(server, host, options.port ?? DEFAULT_PORT);
  let watcher: SiteWatcher;
  try {
    watcher = watchSite(root, schedule, options.debounceMs);
    await watcher.ready;
  } catch (error) {
    server.close();
    throw error;
  }

  const idle = async () => {
    let seen: Promise<void> | undefined;
    while (seen !== chain) {
      seen = chain;
      await chain;
    }
  };
  const settled = async () => {
    for (;;) {
      await idle();
      if (!catchUp.pending()) return;
      await catchUp.passed();
    }
  };
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${listening.port}/`,
    address: (server.address() as AddressInfo).address,
    port: listening.port,
    moved: listening.moved,
    idle,
    settled,
    clients: () => hub.size,
    last: () => lastOutcome,
    searchIdle: search.idle,
    searchBuilds: search.builds,
    close: async () => {
      if (warming) clearImmediate(warming);
      await watcher.close();
      catchUp.cancel();
      await idle();
      await search.close();
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A crash inside gekkan still must not stop the server: show it like a content error. */
function internalProblem(error: unknown): VFileMessage {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return diagnostic("gekkan", `internal error (a bug in gekkan, please report it): ${text}`, { line: 1, column: 1 }, "internal");
}
