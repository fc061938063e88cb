/**
 * The search index. `astro build` has Pagefind index the built pages into <outDir>/pagefind/ (while they render:
 * ./search-index-build.ts); any indexing error
 * fails the build. Under `astro dev`, which builds nothing, the index of the last build is served at /pagefind/, so
 * search works in development once `npm run build` has run (the search page says so when it has not).
 */
import type { AstroIntegration } from 'astro';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSearchIndex } from './search-index-build.ts';
import type { renderedPages } from '../prerender-tap/rendered-pages.ts';

/** Content types of the files Pagefind writes. The index chunks (pf_*) are gzip data read by pagefind.js itself. */
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Maps a request path under /pagefind/ to a file of the index folder, or null if it is not one. */
export function indexFile(indexDir: string, urlPath: string): string | null {
  const rel = decodeURIComponent(urlPath.split(/[?#]/)[0]).replace(/^\/pagefind\//, '');
  const file = normalize(join(indexDir, rel));
  if (!file.startsWith(indexDir + sep)) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

export function searchIndex({ pages }: { pages?: ReturnType<typeof renderedPages> } = {}): AstroIntegration {
  let outDir: URL | undefined;
  pages?.use('search-index', new URL('./search-index-while-rendering.ts', import.meta.url));
  return {
    name: 'cg:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      'astro:server:setup': ({ server, logger }) => {
        const indexDir = outDir ? join(fileURLToPath(outDir), 'pagefind') : '';
        if (!indexDir || !existsSync(join(indexDir, 'pagefind.js'))) {
          logger.info('no search index yet: search on /search/ works after `npm run build`');
        }
        server.middlewares.use((req, res, next) => {
          if (!req.url?.startsWith('/pagefind/')) return next();
          // Looked up on every request, so a build made while the dev server runs is picked up.
          const file = indexDir ? indexFile(indexDir, req.url) : null;
          if (!file) {
            res.statusCode = 404;
            res.setHeader('Content-Type', 'text/plain; charset=utf-8');
            res.end(
              'No search index: run `npm run build` once, then reload. `npm run dev` serves the index of the last build.',
            );
            return;
          }
          res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
          res.setHeader('Cache-Control', 'no-cache');
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { pages: indexed, whileRendering } = pages
          ? await pages.finish<Awaited<ReturnType<typeof writeSearchIndex>>>('search-index', root)
          : await writeSearchIndex(root);
        logger.info(
          `search index: ${indexed} pages marked data-pagefind-body indexed (${whileRendering ? 'while rendering' : 'after rendering'})`,
        );
      },
    },
  };
}
