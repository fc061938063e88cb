/**
 * A minimal Astro + MDX + Pagefind project over the same profile files: the baseline the full pipeline is compared
 * with, i.e. what a team would otherwise build. Default Markdown processor, one glob collection with no schema, one
 * page per entry rendered with render() in a plain layout whose <main> is indexed by Pagefind after the build (the
 * same Pagefind calls as src/integrations/search-index.ts). Citations stay plain text; <Finding> gets a bare wrapper
 * because MDX needs every used component.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/**
 * Writes the project into `root`. node_modules is a symlink to the repository's, so astro and @astrojs/mdx are
 * the very same installs. Astro's and Vite's cache folders are set explicitly: the defaults (node_modules/.astro,
 * node_modules/.vite) would follow the symlink into the repository's caches.
 */
export function writeBareProject(
  root: string,
  opts: { nodeModules: string; profilesDir: string; outDir: string; cacheDir: string },
): void {
  symlinkSync(opts.nodeModules, join(root, 'node_modules'), 'dir');
  write(join(root, 'package.json'), JSON.stringify({ name: 'cg-bench-bare', private: true, type: 'module' }, null, 2));
  write(
    join(root, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

const search = {
  name: 'bare:pagefind',
  hooks: {
    'astro:build:done': async ({ dir }) => {
      try {
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(errors.join('\\n'));
        const added = await index.addDirectory({ path: fileURLToPath(dir) });
        if (added.errors.length || added.page_count === 0) throw new Error('Pagefind indexing failed');
        await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', dir)) });
      } finally {
        await pagefind.close();
      }
    },
  },
};

export default defineConfig({
  site: 'https://bare.example',
  trailingSlash: 'always',
  compressHTML: true,
  outDir: ${JSON.stringify(opts.outDir)},
  cacheDir: ${JSON.stringify(opts.cacheDir)},
  vite: { cacheDir: ${JSON.stringify(opts.cacheDir + '/vite')} },
  devToolbar: { enabled: false },
  integrations: [mdx(), search],
});
`,
  );
  write(
    join(root, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  profiles: defineCollection({ loader: glob({ base: ${JSON.stringify(opts.profilesDir)}, pattern: '*/*/*.mdx' }) }),
};
`,
  );
  write(
    join(root, 'src/layouts/Simple.astro'),
    `---
const { title } = Astro.props;
---
<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>{title}</title></head>
  <body><main data-pagefind-body><slot /></main></body>
</html>
`,
  );
  write(
    join(root, 'src/components/Finding.astro'),
    `---
const { id } = Astro.props;
---
<section id={\`finding-\${id}\`}><slot /></section>
`,
  );
  write(
    join(root, 'src/pages/[...id].astro'),
    `---
import { getCollection, render } from 'astro:content';
import Simple from '../layouts/Simple.astro';
import Finding from '../components/Finding.astro';

export async function getStaticPaths() {
  const entries = await getCollection('profiles');
  return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<Simple title={entry.data.title}>
  <h1>{entry.data.title}</h1>
  <Content components={{ Finding }} />
</Simple>
`,
  );
}
