// Wiring only: each stage lives in src/integrations/, named after what it does.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { join } from 'node:path';
import { contentCheck } from './src/integrations/content-check.ts';
import { viteCitations } from './src/integrations/vite-citations.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { contentDir } from './src/lib/content-dir.ts';

export default defineConfig({
  site: 'https://country-guidance.example',
  trailingSlash: 'always',
  compressHTML: true,
  outDir: process.env.CG_OUT_DIR ?? './dist',
  devToolbar: { enabled: false },
  vite: { plugins: [viteCitations(join(contentDir(), 'profiles'))] },
  integrations: [contentCheck(), mdx(), searchIndex()],
});
