import { createReadStream, stat } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { OutputSet, SourceFile } from "../write/output.js";
import { ROUTES, routeFile } from "../site/urls.js";
import { CLIENT_PATH, CLIENT_SCRIPT, DEV_PREFIX, EVENTS_PATH, injectClient } from "./client-script.js";
import { contentTypeOf } from "../content-type.js";
import type { EventHub } from "./events.js";
import { requestPath } from "./request-path.js";
import { byteRange } from "./byte-range.js";
import { noBuildPage } from "./no-build-page.js";

export interface DevHttpOptions {
  /** The last good build, or undefined while the very first build is broken. */
  output: () => OutputSet | undefined;
  /** The search index, built apart from the pages (after them, in the background). */
  search?: () => OutputSet | undefined;
  hub: EventHub;
  /** Which Host headers to answer (see hostFilter). */
  allowHost: (host: string | undefined) => boolean;
  /**
   * Undefined when the site file `file` (root-relative: public/…) is not being
   * changed; else resolves once the rebuild with its change has finished.
   */
  written?: (file: string) => Promise<void> | undefined;
}

/**
 * Serves the in-memory output like a static host (index.html for
 * directories, 404.html for misses), plus the live-reload endpoints.
 * Only paths present in the output can ever be served.
 */
export function createDevHttpServer(options: DevHttpOptions): Server {
  return createServer((req, res) => {
    let tries = 0;
    const answer = () => {
      // A streamed file that no longer has the size the build hashed is being written: asked again a little later.
      const again = tries++ < CHANGED_FILE_RETRIES ? () => void setTimeout(attempt, CHANGED_FILE_RETRY_MS) : undefined;
      try {
        handle(req, res, options, again);
      } catch (error) {
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
        res.end(`gekkan dev: internal error\n${String(error)}`);
      }
    };
    // A file still being copied into public/ is answered once copied and rebuilt: never the part written so far.
    const attempt = () => {
      const path = requestPath(req.url ?? "/");
      const wait = path === undefined ? undefined : options.written?.(`public/${routeFile(path)}`);
      if (wait === undefined) answer();
      else void wait.then(answer);
    };
    attempt();
  });
}

/**
 * How long a request for a streamed file written to since the build waits
 * for the watcher to see the write (which then holds it, see `written`), at
 * most: past that, the file is sent as it is, changed where no watcher looks.
 */
const CHANGED_FILE_RETRY_MS = 50;
const CHANGED_FILE_RETRIES = 20;

function handle(req: IncomingMessage, res: ServerResponse, options: DevHttpOptions, changed: (() => void) | undefined): void {
  if (!options.allowHost(req.headers.host) || !sameOrigin(req, options)) {
    // 421: the request was meant for another host name (DNS rebinding, or a page on another site).
    send(res, req.method ?? "GET", 421, "text/plain; charset=utf-8", "gekkan dev answers only requests for this machine's own names (localhost, 127.0.0.1, or the --host you gave)\n");
    return;
  }
  const method = req.method ?? "GET";
  if (method !== "GET" && method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  const raw = req.url ?? "/";
  const path = requestPath(raw);
  const output = options.output();
  if (path === undefined) {
    notFound(res, method, output, options.hub.version);
    return;
  }
  if (`/${path}`.startsWith(DEV_PREFIX)) {
    // HEAD asks only whether the stream is there: an answer that never ends would hold the asker, counted as a page.
    if (`/${path}` === EVENTS_PATH && method === "HEAD") res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store" }).end();
    else if (`/${path}` === EVENTS_PATH) options.hub.connect(res);
    else if (`/${path}` === CLIENT_PATH) send(res, method, 200, "text/javascript; charset=utf-8", CLIENT_SCRIPT);
    else notFound(res, method, output, options.hub.version);
    return;
  }
  if (output === undefined) {
    send(res, method, 500, "text/html; charset=utf-8", injectClient(noBuildPage(options.hub.problems), options.hub.version));
    return;
  }
  const file = routeFile(path);
  const source = output.sourceFile(file);
  if (source !== undefined) {
    sendFile(res, method, contentTypeOf(file), source, req.headers.range, changed);
    return;
  }
  const content = output.get(file) ?? (file.startsWith(ROUTES.searchBundle) ? options.search?.()?.get(file) : undefined);
  if (content !== undefined) {
    const type = contentTypeOf(file);
    if (type.startsWith("text/html")) send(res, method, 200, type, injectClient(toText(content), options.hub.version));
    else sendBytes(res, method, type, typeof content === "string" ? Buffer.from(content, "utf8") : content, req.headers.range);
    return;
  }
  if (output.has(`${path}/index.html`)) {
    const rawPath = raw.split(/[?#]/, 1)[0] ?? "";
    res.writeHead(301, { Location: `${rawPath}/${raw.slice(rawPath.length)}` }).end();
    return;
  }
  notFound(res, method, output, options.hub.version);
}

/** A request a page sends on behalf of another site carries that site's Origin. */
function sameOrigin(req: IncomingMessage, options: DevHttpOptions): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || origin === "null") return origin === undefined;
  try {
    const url = new URL(origin);
    return url.host === req.headers.host && options.allowHost(url.host);
  } catch {
    return false;
  }
}

function notFound(res: ServerResponse, method: string, output: OutputSet | undefined, version: string): void {
  const page = output?.text(ROUTES.notFound);
  if (page === undefined) send(res, method, 404, "text/plain; charset=utf-8", "Not Found");
  else send(res, method, 404, "text/html; charset=utf-8", injectClient(page, version));
}

function send(res: ServerResponse, method: string, status: number, type: string, body: string | Uint8Array): void {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  res.writeHead(status, { "Content-Type": type, "Content-Length": bytes.byteLength, "Cache-Control": "no-store" });
  res.end(method === "HEAD" ? undefined : bytes);
}

/** A file's bytes, or the part of them asked for (see byteRange). */
function sendBytes(res: ServerResponse, method: string, type: string, bytes: Uint8Array, range: string | undefined): void {
  const part = rangeHead(res, type, bytes.byteLength, range);
  if (part === undefined) return;
  res.end(method === "HEAD" ? undefined : bytes.subarray(part.start, part.end + 1));
}

/**
 * A large public file (OutputSet.addCopy), streamed from where it is rather
 * than read whole; the part asked for, as sendBytes. One whose size is not the
 * one the build hashed is being written: `changed` is called instead, if given.
 */
function sendFile(res: ServerResponse, method: string, type: string, source: SourceFile, range: string | undefined, changed: (() => void) | undefined): void {
  const notFound = () => send(res, method, 404, "text/plain; charset=utf-8", "Not Found");
  regularFileSize(source.path, (size) => {
    if (size === undefined) {
      // Gone or unreadable since the build: as for any file the output lacks now.
      notFound();
      return;
    }
    if (size !== source.size && changed !== undefined) {
      changed();
      return;
    }
    const part = rangeHead(res, type, size, range);
    if (part === undefined) return;
    if (method === "HEAD" || part.end < part.start) {
      res.end();
      return;
    }
    const stream = createReadStream(source.path, part);
    // pipe() leaves the file open, paused, when the reader goes: a <video> drops its request at every seek.
    res.once("close", () => stream.destroy());
    stream.once("error", () => res.destroy()).pipe(res);
  });
}

/** The size of the regular file at `path`, or undefined. */
function regularFileSize(path: string, then: (size: number | undefined) => void): void {
  stat(path, (error, found) => then(error === null && found.isFile() ? found.size : undefined));
}

/**
 * Writes the head of an answer with `size` bytes: 206 and the part for a
 * range in the file, 416 (answer ended) for one outside it, else 200 and all
 * of it. Returns the bytes to send, first and last inclusive.
 */
function rangeHead(res: ServerResponse, type: string, size: number, header: string | undefined): { start: number; end: number } | undefined {
  const range = byteRange(header, size);
  const common = { "Content-Type": type, "Accept-Ranges": "bytes", "Cache-Control": "no-store" };
  if (range === "unsatisfiable") {
    res.writeHead(416, { ...common, "Content-Range": `bytes */${size}`, "Content-Length": 0 }).end();
    return undefined;
  }
  if (range === undefined) {
    res.writeHead(200, { ...common, "Content-Length": size });
    return { start: 0, end: size - 1 };
  }
  res.writeHead(206, { ...common, "Content-Range": `bytes ${range.start}-${range.end}/${size}`, "Content-Length": range.end - range.start + 1 });
  return range;
}

function toText(content: string | Uint8Array): string {
  return typeof content === "string" ? content : Buffer.from(content).toString("utf8");
}
