// Wiring only: each stage lives in src/integrations/, named after what it does.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { contentCheck } from './src/integrations/content-check.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { MDX_FEATURES } from './src/content-gate/compiler.ts';
import { contentGate } from './src/content-gate/satteri-plugin.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { contentDir } from './src/lib/content-dir.ts';

// Astro caches content entries in cacheDir and keeps entries of a previous content folder; builds of fixture or
// benchmark content get a cache of their own so that they can never leak into the real site.
const content = contentDir();
const cacheDir = content === resolve('content') ? './node_modules/.astro' : `./node_modules/.astro-${createHash('sha256').update(content).digest('hex').slice(0, 12)}`;

export default defineConfig({
  cacheDir,
  site: 'https://country-guidance.example',
  trailingSlash: 'always',
  compressHTML: true,
  outDir: process.env.CG_OUT_DIR ?? './dist',
  devToolbar: { enabled: false },
  // Every .mdx is parsed with the features the check parses with, and judged by the gate inside the compiler.
  integrations: [contentCheck(), mdx({ processor: satteri({ features: MDX_FEATURES, mdastPlugins: [contentGate()] }) }), searchIndex()],
});
