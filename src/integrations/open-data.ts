/**
 * Writes the open data (src/citing/open-data/files.ts) into the build once every page is rendered, before the URL
 * record, the search index and the publish scan read the output; under `astro dev`, answers each request for
 * /data/v1/… from the current content.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDataFiles } from '../citing/open-data/files.ts';
import { getCorpus } from '../site/site-data.ts';

export function openData(): AstroIntegration {
  return {
    name: 'cg:open-data',
    hooks: {
      'astro:build:generated': ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const files = openDataFiles(getCorpus());
        for (const [url, file] of files) {
          const path = join(root, url);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, file.text());
        }
        logger.info(`open data: ${files.size} files written in ${((performance.now() - started) / 1000).toFixed(2)} s`);
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
