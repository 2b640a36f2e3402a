import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Io } from "../cli-support.js";
import { createDevReuse } from "./dev-reuse.js";
import { EventHub } from "./events.js";
import { DEFAULT_HOST, hostFilter } from "./host-check.js";
import { createDevHttpServer } from "./http.js";
import { DEFAULT_PORT, listenFrom } from "./listen.js";
import { RebuildLoop, type RebuildOutcome } from "./rebuild-loop.js";
import { createSearchRebuilder } from "./search.js";
import { watchSite, type SiteWatcher } from "./watch.js";
import { warmUp } from "./warm-up.js";

export { DEFAULT_HOST } from "./host-check.js";
export type { RebuildOutcome } from "./rebuild-loop.js";
export { DEFAULT_PORT } from "./listen.js";
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
  /** Dev cache for start-up (the CLI uses ROOT/.gekkan/dev-cache); absent = memory only. */
  cacheDir?: string | undefined;
  /** Quiet time after a quick update before the full run that brings feeds and data files up to date. */
  catchUpDelayMs?: number;
}

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
 * `gekkan dev`: the rebuild loop (builds in memory through the pipeline's
 * stages), an HTTP server for its output, Server-Sent Events to open pages,
 * a watcher that feeds the loop, and the search index following behind.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const { root, io } = options;
  const hub = new EventHub();
  const searcher = createSearchRebuilder({ delayMs: options.searchDelayMs, io });
  const reuse = await createDevReuse(options.cacheDir);
  const loop = new RebuildLoop({ root, drafts: options.drafts ?? true, future: options.future ?? true, search: options.search !== false, io, hub, reuse, searcher, catchUpDelayMs: options.catchUpDelayMs ?? 1000 });
  await loop.start();
  const warming = warmUp(root, loop.issueFiles().slice(0, WARM_UP_ISSUES), (source) => loop.rehearse(source));
  // Ready means warm: the first rehearsal loads and compiles the quick path (the rest follow in the background).
  await warming.first;
  const host = options.host ?? DEFAULT_HOST;
  let watcher: SiteWatcher | undefined;
  const written = (file: string) => {
    const flushed = watcher?.flushOf(file);
    return flushed === undefined ? undefined : afterRebuild(flushed, file);
  };
  // The file may be written to again while its batch waits: each batch that holds it, then the rebuild.
  const afterRebuild = async (flushed: Promise<void>, file: string): Promise<void> => {
    for (let next: Promise<void> | undefined = flushed; next !== undefined; next = watcher?.flushOf(file)) await next;
    await loop.idle();
  };
  const server: Server = createDevHttpServer({ output: () => loop.output(), search: searcher.output, hub, allowHost: hostFilter(host), written });
  const listening = await listenFrom(server, host, options.port ?? DEFAULT_PORT).catch((error: unknown) => {
    // The first build armed the loop's timers (the new day's): a dev that cannot listen must end, not wait for them.
    warming.stop();
    loop.stop();
    throw error;
  });
  try {
    watcher = watchSite(root, (batch) => {
      // A save warms the path itself: rehearsals would only compete with it.
      warming.stop();
      searcher.hold();
      loop.schedule(batch);
    }, options.debounceMs, (message) => io.err(message));
    await watcher.ready;
  } catch (error) {
    loop.stop();
    server.close();
    throw error;
  }
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${listening.port}/`,
    address: (server.address() as AddressInfo).address,
    port: listening.port,
    moved: listening.moved,
    idle: () => loop.idle(),
    settled: () => loop.settled(),
    clients: () => hub.size,
    last: () => loop.last(),
    searchIdle: searcher.idle,
    searchBuilds: searcher.builds,
    close: async () => {
      warming.stop();
      await watcher?.close();
      loop.stop();
      await loop.idle();
      await searcher.close();
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
