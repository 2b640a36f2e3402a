import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { Problem } from "./problems.js";

/** A reload or styles event carries the version it brings pages to (set by EventHub.send). */
export type DevEvent =
  | { type: "reload"; data: { paths: string[] | null; version?: string } }
  | { type: "css"; data: { hrefs: string[]; version?: string } }
  | { type: "error"; data: { messages: Problem[] } }
  /** The first event on every connection (EventHub.connect). */
  | { type: "hello"; data: { version: string } };

/**
 * Server-Sent Events to every open page. A page that connects while the
 * site is broken gets the current error at once, so the overlay shows on
 * any page loaded after the bad save too. Every page that connects is told
 * the version of the output (see `version`) first: one served an older
 * version missed its reload, as a page still loading when a rebuild ends, or
 * one open while gekkan dev was stopped and started again, does.
 */
export class EventHub {
  private readonly clients = new Set<ServerResponse>();
  private pendingError: DevEvent | undefined;
  private readonly heartbeat: NodeJS.Timeout;
  /** Without it, a server started again would count from 0 again, and could tell a page served by the one before the version it has. */
  private readonly started = randomBytes(4).toString("hex");
  private changes = 0;

  constructor() {
    // Comments keep idle connections open through proxies and detect dead peers.
    this.heartbeat = setInterval(() => this.write(":\n\n"), 15_000);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** What pages are served as now: it moves with every change sent to them (reload or styles), and nothing else. */
  get version(): string {
    return `${this.started}.${this.changes}`;
  }

  /** The problems of the site as it is now: none once a build succeeds (the page without a build shows them, no-build-page.ts). */
  get problems(): readonly Problem[] {
    return this.pendingError?.type === "error" ? this.pendingError.data.messages : [];
  }

  connect(res: ServerResponse): void {
    res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", Connection: "keep-alive" });
    res.write("retry: 500\n\n");
    res.write(encode("hello", { version: this.version }));
    if (this.pendingError) res.write(encode(this.pendingError.type, this.pendingError.data));
    this.clients.add(res);
    res.on("close", () => this.clients.delete(res));
  }

  send(event: DevEvent): void {
    this.pendingError = event.type === "error" ? event : undefined;
    if (event.type === "reload" || event.type === "css") {
      this.changes++;
      // A page this change leaves as it is, or whose styles it swaps in, is then of this version too.
      this.write(encode(event.type, { ...event.data, version: this.version }));
      return;
    }
    this.write(encode(event.type, event.data));
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(chunk: string): void {
    for (const res of this.clients) res.write(chunk);
  }
}

function encode(type: DevEvent["type"], data: DevEvent["data"]): string {
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}
