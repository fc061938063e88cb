// Wiring only: each stage lives in src/integrations/, named after what it does.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { contentCheck } from './src/integrations/content-check.ts';
import { viteCitations } from './src/integrations/vite-citations.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { distScan } from './src/integrations/dist-scan.ts';
import { atomicOutput } from './src/integrations/atomic-output.ts';
import { contentDir } from './src/lib/content-dir.ts';

// Astro caches content entries in cacheDir and keeps entries of a previous content folder; builds of fixture or
// benchmark content get a cache of their own so that they can never leak into the real site.
const content = contentDir();
const cacheDir = content === resolve('content') ? './node_modules/.astro' : `./node_modules/.astro-${createHash('sha256').update(content).digest('hex').slice(0, 12)}`;

const outDir = process.env.CG_OUT_DIR ?? './dist';
// Builds go to a staging folder that replaces outDir only when every stage below has passed.
const output = atomicOutput(outDir);

export default defineConfig({
  cacheDir,
  site: 'https://country-guidance.example',
  trailingSlash: 'always',
  compressHTML: true,
  outDir,
  devToolbar: { enabled: false },
  security: {
    csp: {
      // Everything from this site only; Pagefind's search runs WebAssembly (wasm-unsafe-eval) in a same-origin worker.
      directives: ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  vite: { plugins: [viteCitations(join(content, 'profiles'))] },
  // Order matters: the output folder is cleared first, scanned after Pagefind has written, and published last.
  integrations: [output.prepare, contentCheck(), mdx(), searchIndex(), distScan({ shownAs: outDir }), output.publish],
});
