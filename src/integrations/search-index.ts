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
import { writeSearchIndex, type IndexWritten } from './search-index-build.ts';
import type { IndexSetup } from './parted-index.ts';
import { pagesPerPart, partCount } from './search-parts.ts';
import { codeFingerprint } from '../build-cache/code-fingerprint.ts';
import type { renderedPages } from '../prerender-tap/rendered-pages.ts';
import { getCorpus } from '../site/site-data.ts';
import { PAGEFIND_FOLDER } from '../shared/search-config.ts';

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

/** The words of the log line for one index written. */
export function describeIndex(w: IndexWritten): string {
  const made = [
    w.fed && `${w.fed} indexed while rendering`,
    w.disk && `${w.disk} indexed after rendering`,
    w.kept && `${w.kept} kept from an earlier build`,
  ].filter(Boolean);
  const parts = w.parts === 1 ? 'one part' : `${w.parts} parts`;
  const reused = w.cutBefore ? ` (${w.cutBefore} pages cut as an earlier build cut them)` : '';
  const handed =
    w.handed === undefined ? '' : `; Pagefind was handed ${Math.round(w.handed * 100)} % of their text${reused}`;
  const early = w.early
    ? `; ${w.early === w.parts ? 'written' : `${w.early} written`} while the last pages rendered`
    : '';
  return `search index: ${w.pages} pages marked data-pagefind-body, in ${parts} (${made.join(', ')})${early}${handed}`;
}

/**
 * `pages`: the rendered pages the index is fed while they render. `lastSearchableRank`: the render rank (src/
 * prerender-tap/kept-pages.ts) after which no page is expected to be searchable; once every page up to it is heard,
 * the index is written while the rest render. A searchable page heard after all has it written again at the end.
 */
export function searchIndex({
  pages,
  lastSearchableRank,
}: { pages?: ReturnType<typeof renderedPages>; lastSearchableRank?: number } = {}): AstroIntegration {
  let outDir: URL | undefined;
  let storeDir = '';
  let root = '';
  /**
   * Decided when the build starts, once the content is checked: one index unless the site is large enough for parts
   * (./search-parts.ts), which follow the number of profile pages (each profile in each edition); kept parts are
   * keyed on the project's code.
   */
  const setup = (): IndexSetup => {
    const parts = partCount(getCorpus().profiles.length, pagesPerPart());
    const code = codeFingerprint(root);
    const cuts = { file: join(storeDir, 'cuts.v8'), code };
    const verdicts = { file: join(storeDir, 'verdicts.v1'), code };
    const pagesDir = outDir && fileURLToPath(outDir);
    const stored = { dir: storeDir, code };
    const common = { parts, cuts, verdicts, pagesDir, seeds: stored, lastSearchableRank };
    // A site in one part is indexed whole as it renders: keeping it would only defer its indexing to the end.
    return parts === 1 ? common : { ...common, store: stored };
  };
  pages?.use('search-index', new URL('./search-index-while-rendering.ts', import.meta.url), setup);
  return {
    name: 'cg:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
        root = fileURLToPath(config.root);
        storeDir = fileURLToPath(new URL('cg-search/', config.cacheDir));
      },
      'astro:server:setup': ({ server, logger }) => {
        const indexDir = outDir ? join(fileURLToPath(outDir), PAGEFIND_FOLDER) : '';
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
        const written = pages
          ? await pages.finish<IndexWritten>('search-index', fileURLToPath(dir))
          : await writeSearchIndex(fileURLToPath(dir), setup());
        logger.info(describeIndex(written));
      },
    },
  };
}
