// Wiring only: each stage lives in src/integrations/, named after what it does.
import { defineConfig } from 'astro/config';
import { contentCheck } from './src/integrations/content-check.ts';
import { profileBodies } from './src/content-gate/profile-bodies.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { urlRecord } from './src/integrations/url-record.ts';
import { distScan } from './src/integrations/dist-scan.ts';
import { atomicOutput } from './src/integrations/atomic-output.ts';
import { renderedPages } from './src/prerender-tap/rendered-pages.ts';
import { pageCache, RENDER_RANK } from './src/integrations/page-cache.ts';
import { openData } from './src/integrations/open-data.ts';
import { astroCacheDir } from './src/corpus/content-dir.ts';
import { identicalPageKey } from './src/site/site-data.ts';
import { siteUrl } from './src/site/site-url.ts';
import { siteAddressPlugin } from './src/site/site-address-css.ts';
import { PAGEFIND_FOLDER } from './src/shared/search-config.ts';

const outDir = process.env.CG_OUT_DIR ?? './dist';
// Pages go to the search index and the publish scan as they are rendered (both check the disk at the end); a
// current profile, published at its current URL and its edition URL, is rendered once.
// A page of one profile renders in its scope; a rebuild does not render it again while everything in its scope is
// unchanged, but publishes the page it kept.
const cache = pageCache({ outDir, identical: identicalPageKey });
// The references the content check formats in a worker are waited for by the first page, not by the bundler.
const check = contentCheck();
const pages = renderedPages({
  identical: (pathname) => identicalPageKey(pathname),
  wrap: cache.wrap,
  kept: cache.kept,
  rank: cache.rank,
  ready: check.ready,
});
// Builds go to a staging folder that replaces outDir only when every stage below has passed. It starts as the
// previous output, where the pages a rebuild keeps are in place already; the search index is written anew.
const output = atomicOutput(outDir, { rewritten: [PAGEFIND_FOLDER], kept: pages.kept });

export default defineConfig({
  cacheDir: astroCacheDir(),
  site: siteUrl(),
  trailingSlash: 'always',
  compressHTML: true,
  // Scoped styles mark elements with a class (.astro-…) rather than a data-astro-cid-… attribute: same specificity,
  // a third fewer attributes on a profile page for the browser, the publish scan and the search indexer to read.
  scopedStyleStrategy: 'class',
  // A page renders while the previous ones are written to disk: rendering waits on file writes otherwise.
  // Stylesheets are files, never inlined: the browser caches them once, and no page render hashes its inline styles
  // again for the Content-Security-Policy (up to 0.7 s of main-thread CPU per 1,000 profiles, all of it repeated).
  build: { concurrency: 4, inlineStylesheets: 'never' },
  outDir,
  devToolbar: { enabled: false },
  vite: {
    // Print CSS writes the site's address before internal links (src/site/site-address-css.ts).
    plugins: [siteAddressPlugin()],
  },
  security: {
    csp: {
      // Everything from this site only; Pagefind's search runs WebAssembly (wasm-unsafe-eval) in a same-origin worker.
      directives: ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  // Order matters: the output folder is prepared first (and cleared of what the build did not write before anything
  // reads it), scanned after Pagefind has written, and published last.
  integrations: [
    output.prepare,
    check,
    openData(),
    urlRecord(),
    profileBodies(),
    pages.integration,
    searchIndex({ pages, lastSearchableRank: RENDER_RANK.other }),
    distScan({ shownAs: outDir, pages }),
    output.publish,
    cache.integration,
  ],
});
