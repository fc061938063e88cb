/**
 * The search index. After `astro build`, Pagefind indexes the built pages into <outDir>/pagefind/; any indexing error
 * fails the build. Under `astro dev`, which builds nothing, the index of the last build is served at /pagefind/, so
 * search works in development once `npm run build` has run (the search page says so when it has not).
 */
import type { AstroIntegration } from 'astro';
import { createReadStream, existsSync, rmSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** Content types of the files Pagefind writes. The index chunks (pf_*) are gzip data read by pagefind.js itself. */
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * Pagefind also writes its ready-made UIs. The search page uses only the JS API (pagefind.js, its worker and wasm),
 * so these are removed instead of being published unused (about 430 kB).
 */
const UNUSED_UI_FILES = [
  'pagefind-ui.js', 'pagefind-ui.css',
  'pagefind-modular-ui.js', 'pagefind-modular-ui.css',
  'pagefind-component-ui.js', 'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** Maps a request path under /pagefind/ to a file of the index folder, or null if it is not one. */
export function indexFile(indexDir: string, urlPath: string): string | null {
  const rel = decodeURIComponent(urlPath.split(/[?#]/)[0]).replace(/^\/pagefind\//, '');
  const file = normalize(join(indexDir, rel));
  if (!file.startsWith(indexDir + sep)) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

export function searchIndex(): AstroIntegration {
  let outDir: URL | undefined;
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
            res.end('No search index: run `npm run build` once, then reload. `npm run dev` serves the index of the last build.');
            return;
          }
          res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
          res.setHeader('Cache-Control', 'no-cache');
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('\n')}`);
          const added = await index.addDirectory({ path: fileURLToPath(dir) });
          if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('\n')}`);
          if (added.page_count === 0) throw new Error('Pagefind indexed no pages: is data-pagefind-body missing from the layouts?');
          const outputPath = fileURLToPath(new URL('./pagefind/', dir));
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('\n')}`);
          for (const name of UNUSED_UI_FILES) rmSync(join(outputPath, name), { force: true });
          logger.info(`search index: ${added.page_count} HTML files read, pages marked data-pagefind-body indexed`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
