/**
 * The search index. After `astro build`, Pagefind indexes the built pages into <outDir>/pagefind/; any indexing error
 * fails the build. Under `astro dev`, which builds nothing, the index of the last build is served at /pagefind/, so
 * search works in development once `npm run build` has run (the search page says so when it has not).
 */
import type { AstroIntegration } from 'astro';
import { createReadStream, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { FedIndex, startIndex } from './fed-index.ts';
import type { renderedPages } from './rendered-pages.ts';

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
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** Maps a request path under /pagefind/ to a file of the index folder, or null if it is not one. */
export function indexFile(indexDir: string, urlPath: string): string | null {
  const rel = decodeURIComponent(urlPath.split(/[?#]/)[0]).replace(/^\/pagefind\//, '');
  const file = normalize(join(indexDir, rel));
  if (!file.startsWith(indexDir + sep)) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/** The attribute that marks a page's searchable part (Base.astro's <main>). */
const BODY_MARK = 'data-pagefind-body';

/**
 * Whether Pagefind should be handed this file. Once any page is marked data-pagefind-body, Pagefind indexes only
 * marked pages and reads the others for nothing; comparisons, histories, open data and the edition copies of
 * current profiles are not marked. A page that mentions the mark only in its text is handed over too, and Pagefind
 * finds no body in it: the index is the same.
 */
export function isSearchable(file: string, text: string): boolean {
  return file.endsWith('.html') && text.includes(BODY_MARK);
}

/** The built HTML pages that can be found in search, relative to `dir`, with their text. */
export function searchablePages(dir: string): Map<string, string> {
  const pages = new Map<string, string>();
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    if (isSearchable(file, text)) pages.set(file, text);
  }
  return pages;
}

/** A fresh index of the pages on disk, dropping the one fed while rendering if there was one. */
async function indexFromDisk(pages: Map<string, string>, stale: FedIndex | undefined): Promise<FedIndex> {
  await stale?.index.deleteIndex();
  const fresh = new FedIndex(await startIndex());
  for (const [file, text] of pages) fresh.add(file, text);
  return fresh;
}

export function searchIndex({ pages }: { pages?: ReturnType<typeof renderedPages> } = {}): AstroIntegration {
  let outDir: URL | undefined;
  let fed: FedIndex | undefined;
  pages?.listen(({ file, bytes }) => {
    if (!fed || !file.endsWith('.html')) return;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    if (isSearchable(file, text)) fed.add(file, text);
  });
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
      'astro:build:start': async () => {
        fed = new FedIndex(await startIndex());
      },
      'astro:build:done': async ({ dir, logger }) => {
        try {
          const pages = searchablePages(fileURLToPath(dir));
          if (pages.size === 0)
            throw new Error('Pagefind indexed no pages: is data-pagefind-body missing from the layouts?');
          // Pages changed or added after rendering (or no feeding at all): the index is built again from disk.
          const fedInTime = fed?.holds(pages) ?? false;
          const session = fedInTime && fed ? fed : await indexFromDisk(pages, fed);
          const failures = await session.errors();
          if (failures.length) throw new Error(`Pagefind indexing failed: ${failures.join('\n')}`);
          const outputPath = fileURLToPath(new URL('./pagefind/', dir));
          const written = await session.index.writeFiles({ outputPath });
          if (written.errors.length)
            throw new Error(`Pagefind could not write the index: ${written.errors.join('\n')}`);
          for (const name of UNUSED_UI_FILES) rmSync(join(outputPath, name), { force: true });
          logger.info(
            `search index: ${pages.size} pages marked data-pagefind-body indexed (${fedInTime ? 'while rendering' : 'after rendering'})`,
          );
        } finally {
          fed = undefined;
          await pagefind.close();
        }
      },
    },
  };
}
