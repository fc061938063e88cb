// Wiring only: each stage lives in src/integrations/, named after what it does.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { contentCheck } from './src/integrations/content-check.ts';
import { viteCitations } from './src/integrations/vite-citations.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { contentDir } from './src/lib/content-dir.ts';
import { siteUrl } from './src/lib/site-url.ts';

// Astro caches content entries in cacheDir and keeps entries of a previous content folder; builds of fixture or
// benchmark content get a cache of their own so that they can never leak into the real site.
const content = contentDir();
const cacheDir = content === resolve('content') ? './node_modules/.astro' : `./node_modules/.astro-${createHash('sha256').update(content).digest('hex').slice(0, 12)}`;

export default defineConfig({
  cacheDir,
  site: siteUrl(),
  trailingSlash: 'always',
  compressHTML: true,
  outDir: process.env.CG_OUT_DIR ?? './dist',
  devToolbar: { enabled: false },
  vite: { plugins: [viteCitations(join(content, 'profiles'))] },
  integrations: [contentCheck(), mdx(), searchIndex()],
});
