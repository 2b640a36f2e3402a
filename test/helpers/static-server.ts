import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

export interface ServeOptions {
  /** URL prefix the site is mounted under, e.g. '/gekkan/'. Default '/'. */
  basePath?: string;
}

export interface StaticServer {
  /** e.g. 'http://127.0.0.1:41234' */
  origin: string;
  /** Normalised base path, always starting and ending with '/'. */
  basePath: string;
  /** Absolute URL for a site-relative path: url('issues/1/') → origin + basePath + 'issues/1/'. */
  url(path?: string): string;
  /** Every request seen, in order (method, path, status) — handy for asserting no 404s. */
  requests: ReadonlyArray<{ method: string; path: string; status: number }>;
  close(): Promise<void>;
}

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.pdf': 'application/pdf',
  // Pagefind's index fragments are opaque binary blobs.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function normaliseBase(basePath: string): string {
  let b = basePath.trim();
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b;
}

async function fileIfExists(path: string): Promise<string | null> {
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}

/** Where the server's files are and the URL prefix they are mounted under. */
interface Mount {
  root: string;
  basePath: string;
}

async function send404(mount: Mount, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const page = await fileIfExists(resolve(mount.root, '404.html'));
  res.statusCode = 404;
  if (page) {
    const body = await readFile(page);
    res.setHeader('Content-Type', CONTENT_TYPES['.html'] ?? 'text/html');
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
  } else {
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(req.method === 'HEAD' ? undefined : 'Not Found');
  }
}

function answer(res: ServerResponse, status: number, headers: Record<string, string> = {}, body?: string): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(body);
}

/** The request's path, decoded; undefined (answered 400) when it cannot be, or holds a NUL. */
function requestPath(req: IncomingMessage, res: ServerResponse): { rawPath: string; pathname: string } | undefined {
  const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPath);
  } catch {
    pathname = '\0';
  }
  if (!pathname.includes('\0')) return { rawPath, pathname };
  answer(res, 400, {}, 'Bad Request');
  return undefined;
}

/** The file a path names inside the mount (a folder's index.html), a redirect to the slashed folder URL, or null. */
async function fileFor(mount: Mount, pathname: string): Promise<string | { redirect: true } | null> {
  const target = resolve(mount.root, `.${sep}${pathname.slice(mount.basePath.length)}`);
  // Containment check: the resolved path must be root itself or below it.
  if (target !== mount.root && !target.startsWith(mount.root + sep)) return null;
  try {
    const st = await stat(target);
    if (st.isDirectory()) return pathname.endsWith('/') ? fileIfExists(resolve(target, 'index.html')) : { redirect: true };
    return st.isFile() ? target : null;
  } catch {
    return null;
  }
}

async function sendFile(res: ServerResponse, file: string, method: string): Promise<void> {
  const st = await stat(file);
  res.statusCode = 200;
  res.setHeader('Content-Type', contentTypeFor(file));
  res.setHeader('Content-Length', st.size);
  res.setHeader('Cache-Control', 'no-store');
  if (method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((done, fail) => {
    const stream = createReadStream(file);
    stream.on('error', fail);
    res.on('finish', () => done());
    res.on('close', () => done());
    stream.pipe(res);
  });
}

async function handle(mount: Mount, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') return answer(res, 405, { Allow: 'GET, HEAD' });
  const path = requestPath(req, res);
  if (path === undefined) return;
  const { rawPath, pathname } = path;
  if (`${pathname}/` === mount.basePath) return answer(res, 301, { Location: mount.basePath });
  const file = pathname.startsWith(mount.basePath) ? await fileFor(mount, pathname) : null;
  if (file === null) return send404(mount, req, res);
  if (typeof file !== 'string') return answer(res, 301, { Location: `${rawPath}/${(req.url ?? '').slice(rawPath.length)}` });
  return sendFile(res, file, method);
}

/**
 * Serves `dir` over HTTP on 127.0.0.1 (random port) mounted under `basePath`,
 * like a static host would: directories serve index.html (a directory URL
 * without trailing slash redirects to the slashed form), unknown paths get
 * dir/404.html with status 404 when present, and nothing outside `dir` is
 * ever served.
 */
export async function serveDir(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const mount: Mount = { root: resolve(dir), basePath: normaliseBase(options.basePath ?? '/') };
  const requests: Array<{ method: string; path: string; status: number }> = [];
  const server = createServer((req, res) => {
    res.on('finish', () => {
      requests.push({ method: req.method ?? 'GET', path: req.url ?? '', status: res.statusCode });
    });
    handle(mount, req, res).catch((err: unknown) => {
      if (!res.headersSent) answer(res, 500, {}, String(err));
      else res.destroy();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { basePath } = mount;
  return {
    origin,
    basePath,
    requests,
    url(path = ''): string {
      if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
      const p = path.startsWith(basePath) ? path : basePath + path.replace(/^\/+/, '');
      return origin + p;
    },
    close(): Promise<void> {
      return new Promise<void>((ok, fail) => {
        server.closeAllConnections();
        server.close((err) => (err ? fail(err) : ok()));
      });
    },
  };
}
