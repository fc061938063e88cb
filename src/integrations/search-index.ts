/** Builds the Pagefind index from the static output; any indexing error fails the build. */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

export function searchIndex(): AstroIntegration {
  return {
    name: 'cg:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('\n')}`);
          const added = await index.addDirectory({ path: fileURLToPath(dir) });
          if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('\n')}`);
          if (added.page_count === 0) throw new Error('Pagefind indexed no pages: is data-pagefind-body missing from the layouts?');
          const written = await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', dir)) });
          if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('\n')}`);
          logger.info(`search index: ${added.page_count} pages`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
