/**
 * Writes the open data (src/citing/open-data/files.ts) into the build once every page is rendered, before the URL
 * record, the search index and the publish scan read the output; under `astro dev`, answers each request for
 * /data/v1/… from the current content.
 *
 * Why after rendering, all at once: by then the search index is Pagefind's work, in a process of its own, and the
 * rendering thread has nothing else to do. Made a few milliseconds at a time while the bundler worked (as it was),
 * the texts (half a second at 1,000 profiles) held up the bundler's own calls on this thread, and a rebuild of one
 * profile at 1,000 profiles took 6.8 s instead of 6.5 s; a full build took as long either way.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDataFiles } from '../citing/open-data/files.ts';
import { getCorpus } from '../site/site-data.ts';

/** The integration: writes the open data where the pages are, and serves it under `astro dev`. */
export function openData(): AstroIntegration {
  return {
    name: 'cg:open-data',
    hooks: {
      'astro:build:generated': ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const files = openDataFiles(getCorpus());
        const made = new Set<string>();
        for (const [url, file] of files) {
          const path = join(root, url);
          const folder = dirname(path);
          if (!made.has(folder)) mkdirSync(folder, { recursive: true });
          made.add(folder);
          writeFileSync(path, file.text());
        }
        logger.info(
          `open data: ${files.size} files made and written in ${((performance.now() - started) / 1000).toFixed(2)} s`,
        );
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const url = req.url?.split(/[?#]/)[0] ?? '';
          const file = url.startsWith('/data/') ? openDataFiles(getCorpus()).get(url) : undefined;
          if (!file) return next();
          res.setHeader('Content-Type', file.contentType);
          res.end(file.text());
        });
      },
    },
  };
}
