import { cp } from 'node:fs/promises';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import type { Io } from '../../src/cli-support.js';
import { tempDir } from './temp-site.js';

/** A private copy of a fixture site, so tests can edit it freely. */
export async function copyFixture(name: string): Promise<{ root: string; remove: () => Promise<void> }> {
  const dir = tempDir(`${name}-`);
  const root = join(dir.path, 'site');
  await cp(resolve(import.meta.dirname, '..', 'fixtures', name), root, { recursive: true });
  return { root, remove: async () => dir.remove() };
}

/** An Io that records lines instead of printing them. */
export function memoryIo(): Io & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (line) => lines.push(line), err: (line) => lines.push(line) };
}

/** GET with the path sent exactly as given (fetch would normalise "..", "%2e%2e"). */
export function rawGet(origin: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((ok, fail) => {
    const req = request({ host: hostname, port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

export interface SseEvent {
  event: string;
  data: string;
}

/** A raw Server-Sent Events reader over fetch: events are queued until asked for. */
export interface SseReader {
  /** The next event of `type` (earlier events of other types are dropped). */
  next: (type: string, timeoutMs?: number) => Promise<SseEvent>;
  /** Every event received so far and not yet consumed. */
  pending: () => SseEvent[];
  close: () => void;
}

export async function openSse(url: string): Promise<SseReader> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal, headers: { Accept: 'text/event-stream' } });
  if (res.status !== 200 || !res.body) throw new Error(`SSE endpoint answered ${res.status}`);
  if (!(res.headers.get('content-type') ?? '').startsWith('text/event-stream')) throw new Error('not an event stream');
  const queue: SseEvent[] = [];
  const waiters: Array<() => void> = [];
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const chunk = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of chunk.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (data.length > 0) queue.push({ event, data: data.join('\n') });
          waiters.splice(0).forEach((wake) => wake());
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    async next(type, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = queue.findIndex((e) => e.event === type);
        if (index !== -1) {
          const [found] = queue.splice(0, index + 1).slice(-1);
          if (found) return found;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no "${type}" event within ${timeoutMs} ms; got: ${JSON.stringify(queue)}`);
        await new Promise<void>((wake) => {
          const timer = setTimeout(wake, left);
          waiters.push(() => {
            clearTimeout(timer);
            wake();
          });
        });
      }
    },
    pending: () => [...queue],
    close: () => controller.abort(),
  };
}

/** The live-reload client's script tag as gekkan dev adds it to a page, whatever version it carries. */
export const CLIENT_TAG_PATTERN = /<script src="\/__gekkan\/client\.js" data-version="[^"]+" defer><\/script>/;

/** A page as gekkan dev served it, less the live-reload client's tag: as `gekkan build` writes it. */
export function withoutClient(html: string): string {
  return html.replace(new RegExp(`${CLIENT_TAG_PATTERN.source}\\n?`), '');
}
