// Wiring only: each stage lives in src/integrations/, named after what it does.
import { defineConfig } from 'astro/config';
import { contentCheck } from './src/integrations/content-check.ts';
import { gatedMdx } from './src/content-gate/mdx-integration.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { urlRecord } from './src/integrations/url-record.ts';
import { astroCacheDir } from './src/lib/content-dir.ts';

export default defineConfig({
  cacheDir: astroCacheDir(),
  site: 'https://country-guidance.example',
  trailingSlash: 'always',
  compressHTML: true,
  outDir: process.env.CG_OUT_DIR ?? './dist',
  devToolbar: { enabled: false },
  integrations: [contentCheck(), urlRecord(), gatedMdx(), searchIndex()],
});
