/**
 * Serves a build folder on 127.0.0.1 (a free port) the way a static host does: `/a/` → a/index.html, `/a` → a
 * redirect to `/a/`, unknown paths → 404.html with status 404. No dependency, no background process.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.bib': 'application/x-bibtex; charset=utf-8',
};

export interface ServedSite {
  /** e.g. "http://127.0.0.1:40123" */
  origin: string;
  close(): Promise<void>;
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/** Starts serving `dir`; call `close()` when done. */
export async function serveDist(dir: string): Promise<ServedSite> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const path = resolve(root, `.${decodeURIComponent(pathname)}`);
    // resolve() has removed any "..", so a path outside the folder can only come from a crafted request.
    if (path !== root && !path.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    let file = pathname.endsWith('/') ? join(path, 'index.html') : path;
    let status = 200;
    if (!pathname.endsWith('/') && !isFile(file) && isFile(join(path, 'index.html'))) {
      res.writeHead(301, { Location: `${pathname}/` }).end();
      return;
    }
    if (!isFile(file)) {
      file = join(root, '404.html');
      status = 404;
      if (!isFile(file)) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
    }
    res.writeHead(status, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
