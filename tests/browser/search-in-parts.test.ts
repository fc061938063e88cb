/**
 * A site whose search index is in parts (src/integrations/search-parts.ts) searches as one index: the search page
 * merges every part, so a query finds the same pages, with the same filter counts, as on the same site indexed
 * whole, and a page of a merged part is a result like any other. The valid fixture is built both ways by the global
 * setup (tests/setup/build-site.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { searchablePages } from '../../src/integrations/searchable-pages.ts';
import { partsToMerge } from '../../src/client/search/open-index.ts';
import { urlOfFile } from '../../src/shared/urls.ts';
import { loadPage, textOf } from '../support/built-html.ts';
import { foreignRequests, openSearch, openSearchSite, shownResults, type SearchSite } from './search-support.ts';

const wholeDir = inject('fixtureSiteDir');
const partsDir = inject('fixtureInPartsDir');
let whole: SearchSite;
let parts: SearchSite;
let onWhole: Page;
let onParts: Page;

beforeAll(async () => {
  [whole, parts] = await Promise.all([openSearchSite(wholeDir), openSearchSite(partsDir)]);
  [onWhole, onParts] = await Promise.all([whole.newPage(), parts.newPage()]);
  await Promise.all([onWhole.goto(`${whole.origin}/search/`), onParts.goto(`${parts.origin}/search/`)]);
});
afterAll(async () => {
  await Promise.all([whole?.close(), parts?.close()]);
});

/** Every searchable page of the build, with the title a reader would search it by. */
const titled = [...searchablePages(partsDir).keys()].map((file) => {
  const url = urlOfFile(file);
  return { url, title: textOf(loadPage(partsDir, url).all('h1')[0]) };
});
const merged = partsToMerge(JSON.parse(readFileSync(join(partsDir, 'pagefind', 'parts.json'), 'utf8')));

/**
 * What the search page shows for a query, every edition included: the pages with every word (a page with only some
 * of them says which it lacks) and the filter counts, which count those pages. The pages with only some of the
 * words may differ: Pagefind matches a word to longer words only where its index lacks the word itself, and a part
 * lacks more words than the whole site.
 */
async function shown(page: Page, origin: string, q: string) {
  await openSearch(page, origin, { q, status: 'all' });
  return {
    withEveryWord: await page
      .locator('#search-results > li:not(:has(.result-missing)) .result-title a')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname).sort()),
    withSomeWords: (await shownResults(page)).sort(),
    // Each filter option's count, as the reader sees it beside the option.
    counts: await page
      .locator('[data-count]')
      .evaluateAll((els) => els.map((el) => `${(el as HTMLElement).dataset.count} ${el.textContent}`).sort()),
  };
}

describe('a search index in parts', () => {
  it('is in parts: the build lists merged parts beside the primary index, and indexes every page once', () => {
    expect(merged.length).toBeGreaterThanOrEqual(1);
    expect(titled.length).toBeGreaterThan(merged.length + 1);
  });

  // A title has words that only some parts have: Pagefind's own search of a part leaves such words out.
  it.each(titled.map((p) => [p.title, p.url] as const))(
    '“%s” finds the same pages with every word, with the same counts, in parts as in one index, %s among them',
    async (title, url) => {
      const [fromWhole, fromParts] = await Promise.all([
        shown(onWhole, whole.origin, title),
        shown(onParts, parts.origin, title),
      ]);
      expect(fromParts.withEveryWord).toEqual(fromWhole.withEveryWord);
      expect(fromParts.counts).toEqual(fromWhole.counts);
      expect(fromParts.withEveryWord).toContain(url);
      for (const found of fromWhole.withSomeWords) expect(fromParts.withSomeWords).toContain(found);
    },
  );

  it('loads every part from this site only', () => {
    const partRequests = parts.requests.map((r) => new URL(r.url()).pathname).filter((p) => /\/part-\d+\//.test(p));
    for (const folder of merged) expect(partRequests.some((p) => p.startsWith(`/pagefind/${folder}`))).toBe(true);
    expect(foreignRequests(parts)).toEqual([]);
  });
});
