/**
 * What a reader's searches cost in requests and bytes on a built site: `npm run bench:search-bytes -- <folder>`
 * serves the folder, opens the search page in Chromium and runs a first search and two later ones, counting what
 * Chromium fetched under /pagefind/ (its own network events: bodies and headers as sent, uncompressed here). Used to
 * weigh a search index in parts against one index (CONTRIBUTING.md, "Search index in parts").
 */
import { resolve } from 'node:path';
import type { Request } from 'playwright-core';
import { openBrowser } from '../../tests/support/browser.ts';
import { serveDist } from '../../tests/support/serve-dist.ts';

const folder = process.argv[2];
if (!folder) throw new Error('usage: npm run bench:search-bytes -- <built site folder>');
const served = await serveDist(resolve(folder));
const browser = await openBrowser();
try {
  const page = await browser.context.newPage();
  let requests: Request[] = [];
  page.on('requestfinished', (r) => requests.push(r));

  /** Types `query` and waits until the results for it are shown. */
  const search = async (query: string) => {
    await page.locator('#page-search').fill(query);
    await page.waitForFunction((q) => {
      const region = document.querySelector('.search-main');
      const shown = new URL(location.href).searchParams.get('q');
      return region?.getAttribute('aria-busy') === 'false' && shown === q;
    }, query);
  };

  const measure = async (label: string, action: () => Promise<void>) => {
    requests = [];
    const started = Date.now();
    await action();
    const index = requests.filter((r) => new URL(r.url()).pathname.startsWith('/pagefind/'));
    let bytes = 0;
    for (const r of index) {
      const sizes = await r.sizes();
      bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    }
    console.log(`${label}: ${index.length} requests, ${Math.round(bytes / 1024)} kB, ${Date.now() - started} ms`);
  };

  await measure('first search (page load, "deserters")', async () => {
    await page.goto(`${served.origin}/search/`);
    await page.waitForSelector('.search-main[aria-busy="false"]');
    await search('deserters');
  });
  await measure('later search, 5 words ("returnee arrested at the airport")', () =>
    search('returnee arrested at the airport'),
  );
  await measure('later search, 2 words ("amnesty checkpoint")', () => search('amnesty checkpoint'));
} finally {
  await browser.close();
  await served.close();
}
