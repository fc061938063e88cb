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
import { searchablePages } from '../../src/integrations/search-index-build.ts';
import { partsToMerge } from '../../src/client/search/open-index.ts';
import { urlOfFile } from '../../src/shared/urls.ts';
import { loadPage, textOf } from '../support/built-html.ts';
import {
  apiSearch,
  foreignRequests,
  openSearch,
  openSearchSite,
  shownResults,
  type SearchSite,
} from './search-support.ts';

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

/** Every result of a query from the index as the search page opened it, as a sorted list of URLs. */
const allResults = async (page: Page, query: string) => (await apiSearch(page, query, 10_000)).sort();

describe('a search index in parts', () => {
  it('is in parts: the build lists merged parts beside the primary index, and indexes every page once', () => {
    expect(merged.length).toBeGreaterThanOrEqual(2);
    expect(titled.length).toBeGreaterThan(merged.length);
  });

  it.each(titled.map((p) => [p.title, p.url] as const))(
    '“%s” finds the same pages in parts as in one index, %s among them',
    async (title, url) => {
      const [fromWhole, fromParts] = await Promise.all([allResults(onWhole, title), allResults(onParts, title)]);
      expect(fromParts).toContain(url);
      expect(fromParts).toEqual(fromWhole);
    },
  );

  it('shows the same results and filter counts on the search page as the site indexed whole', async () => {
    const query = { q: titled[0].title.split(' ')[0], status: 'all' };
    await Promise.all([openSearch(onWhole, whole.origin, query), openSearch(onParts, parts.origin, query)]);
    // Each filter option's count, as the reader sees it beside the option.
    const counts = (page: Page) =>
      page
        .locator('[data-count]')
        .evaluateAll((els) => els.map((el) => `${(el as HTMLElement).dataset.count} ${el.textContent}`).sort());
    expect((await shownResults(onParts)).sort()).toEqual((await shownResults(onWhole)).sort());
    expect(await counts(onParts)).toEqual(await counts(onWhole));
    expect((await shownResults(onParts)).length).toBeGreaterThan(0);
  });

  it('loads every part from this site only', () => {
    const partRequests = parts.requests.map((r) => new URL(r.url()).pathname).filter((p) => /\/part-\d+\//.test(p));
    for (const folder of merged) expect(partRequests.some((p) => p.startsWith(`/pagefind/${folder}`))).toBe(true);
    expect(foreignRequests(parts)).toEqual([]);
  });
});
