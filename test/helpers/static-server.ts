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

/**
 * Serves `dir` over HTTP on 127.0.0.1 (random port) mounted under `basePath`,
 * like a static host would: directories serve index.html (a directory URL
 * without trailing slash redirects to the slashed form), unknown paths get
 * dir/404.html with status 404 when present, and nothing outside `dir` is
 * ever served.
 */
export async function serveDir(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const basePath = normaliseBase(options.basePath ?? '/');
  const requests: Array<{ method: string; path: string; status: number }> = [];

  const send404 = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const page = await fileIfExists(resolve(root, '404.html'));
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
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD');
      res.end();
      return;
    }
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    let pathname: string;
    try {
      pathname = decodeURIComponent(rawPath);
    } catch {
      res.statusCode = 400;
      res.end('Bad Request');
      return;
    }
    if (pathname.includes('\0')) {
      res.statusCode = 400;
      res.end('Bad Request');
      return;
    }
    if (`${pathname}/` === basePath) {
      res.statusCode = 301;
      res.setHeader('Location', basePath);
      res.end();
      return;
    }
    if (!pathname.startsWith(basePath)) {
      await send404(req, res);
      return;
    }
    const rel = pathname.slice(basePath.length);
    const target = resolve(root, `.${sep}${rel}`);
    // Containment check: the resolved path must be root itself or below it.
    if (target !== root && !target.startsWith(root + sep)) {
      await send404(req, res);
      return;
    }
    let file: string | null = null;
    try {
      const st = await stat(target);
      if (st.isDirectory()) {
        if (!pathname.endsWith('/')) {
          const query = (req.url ?? '').slice(rawPath.length);
          res.statusCode = 301;
          res.setHeader('Location', `${rawPath}/${query}`);
          res.end();
          return;
        }
        file = await fileIfExists(resolve(target, 'index.html'));
      } else if (st.isFile()) {
        file = target;
      }
    } catch {
      file = null;
    }
    if (!file) {
      await send404(req, res);
      return;
    }
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
  };

  const server = createServer((req, res) => {
    res.on('finish', () => {
      requests.push({ method: req.method ?? 'GET', path: req.url ?? '', status: res.statusCode });
    });
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end(String(err));
      } else {
        res.destroy();
      }
    });
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

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
