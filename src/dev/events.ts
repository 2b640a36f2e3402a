import type { ServerResponse } from "node:http";

export type DevEvent =
  | { type: "reload"; data: { paths: string[] | null } }
  | { type: "css"; data: { hrefs: string[] } }
  | { type: "error"; data: { messages: unknown[] } };

/**
 * Server-Sent Events to every open page. A page that connects while the
 * site is broken gets the current error at once, so the overlay shows on
 * any page loaded after the bad save too.
 */
export class EventHub {
  private readonly clients = new Set<ServerResponse>();
  private pendingError: DevEvent | undefined;
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    // Comments keep idle connections open through proxies and detect dead peers.
    this.heartbeat = setInterval(() => this.write(":\n\n"), 15_000);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  connect(res: ServerResponse): void {
    res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", Connection: "keep-alive" });
    res.write("retry: 500\n\n");
    if (this.pendingError) res.write(encode(this.pendingError));
    this.clients.add(res);
    res.on("close", () => this.clients.delete(res));
  }

  send(event: DevEvent): void {
    this.pendingError = event.type === "error" ? event : undefined;
    this.write(encode(event));
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

function encode(event: DevEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}
