/**
 * What a search result tells the reader, on the search page of the site built from content/: a source that is a
 * superseded edition's document is labelled superseded and follows the editions filter; a profile shows its answer;
 * words like "a" are neither searched nor highlighted; and a filter option that would find nothing is not offered.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { listFiles } from '../../scripts/lib/built-pages.ts';
import { urlOfFile } from '../../src/shared/urls.ts';
import { loadPage, textOf } from '../support/built-html.ts';
import { searchTerm } from '../../src/shared/search-relax.ts';
import { declaredStatus, openSearch, openSearchSite, shownResults, type SearchSite } from './search-support.ts';

const dir = inject('siteDir');
let site: SearchSite;
let page: Page;

beforeAll(async () => {
  site = await openSearchSite(dir);
  page = await site.newPage();
});
afterAll(async () => {
  await site?.close();
});

/** A meta value a built page declares to the index. */
const metaOf = (url: string, key: string) => {
  const el = loadPage(dir, url)
    .all('span')
    .find((s) => s.attribs['data-pagefind-meta'] === key);
  return el ? textOf(el) : undefined;
};
const sources = () =>
  listFiles(dir, '.html')
    .map(urlOfFile)
    .filter((u) => /^\/sources\/[^/]+\/$/.test(u));

describe('a superseded edition’s document is treated like the edition', () => {
  it('it is left out of “current guidance only”, and shown labelled superseded when superseded editions are included', async () => {
    const superseded = sources().find((u) => declaredStatus(dir, u) === 'superseded');
    expect(superseded, 'some source is the document of a superseded edition').toBeDefined();
    const cite = metaOf(superseded!, 'cite')!;

    await openSearch(page, site.origin, { q: cite });
    expect(await shownResults(page)).not.toContain(superseded);

    await openSearch(page, site.origin, { q: cite, status: 'all' });
    const item = page.locator('#search-results > li', { has: page.locator(`.result-title a[href="${superseded}"]`) });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.locator('.status-superseded').textContent()).toMatch(/^Superseded: /);
  });
});

describe('a profile result shows its answer', () => {
  it('its conclusions in one line, under the title', async () => {
    await openSearch(page, site.origin, { q: 'deserters' });
    const shown = await shownResults(page);
    // The first risk profile shown (an overview draws no conclusions and has no answer).
    const i = shown.findIndex((u) => metaOf(u, 'answer') !== undefined);
    expect(i, 'a risk profile is among the results').toBeGreaterThanOrEqual(0);
    const answer = metaOf(shown[i], 'answer');
    expect(answer).toMatch(/^Article 9: .* · Risk: .* · Reason: /);
    expect(await page.locator('#search-results > li').nth(i).locator('.result-answer').textContent()).toBe(answer);
  });
});

describe('words that carry no meaning are not highlighted', () => {
  it('in “is a deserter at risk” only words starting with “deserter” or “risk” are marked', async () => {
    const query = 'is a deserter at risk';
    await openSearch(page, site.origin, { q: query });
    const marks = await page.locator('#search-results mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(searchTerm(query)).toBe('deserter risk');
    // Pagefind matches stems ("deserted"), so compare the start of each word.
    const stems = ['deser', 'risk'];
    // A mark may be a hyphenated run ("no-longer-at-risk"): one of its parts must be a searched word.
    const parts = (m: string) => m.toLowerCase().split(/[^\p{L}\p{N}]+/u);
    for (const m of marks)
      expect(
        parts(m).some((p) => stems.some((s) => p.startsWith(s))),
        `“${m}” is marked`,
      ).toBe(true);
  });
});

/**
 * A word of a current page that no superseded page has, nor any word starting with its first five letters (so no
 * stem of it either): searched alone, it matches no superseded page.
 */
function onlyInCurrentPages(): string {
  const words = (url: string) =>
    textOf(loadPage(dir, url).all('main')[0])
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  const pages = listFiles(dir, '.html').map(urlOfFile);
  const supersededStems = new Set(
    pages.filter((u) => declaredStatus(dir, u) === 'superseded').flatMap((u) => words(u).map((w) => w.slice(0, 5))),
  );
  const word = pages
    .filter((u) => declaredStatus(dir, u) === 'current')
    .flatMap(words)
    .find((w) => w.length >= 6 && !supersededStems.has(w.slice(0, 5)));
  expect(word, 'some word of a current page is on no superseded page').toBeDefined();
  return word!;
}

describe('filter options that would find nothing are not offered', () => {
  it.each(['EUAA CG Syria Dec 2025', 'deserters', 'C-238/19'])('“%s”', async (q) => {
    await openSearch(page, site.origin, { q });
    const offered = await page
      .locator('.filter-option')
      .evaluateAll((rows) =>
        rows
          .filter((r) => !(r as HTMLElement).hidden)
          .map((r) => ({ label: r.textContent!.trim(), count: r.querySelector('[data-count]')?.textContent ?? '' })),
      );
    expect(offered.length, 'some filter options are offered').toBeGreaterThan(0);
    expect(offered.filter((o) => o.count === '(0)')).toEqual([]);
  });

  it('“Include superseded editions” is not offered when no superseded page matches, and is when one does', async () => {
    const offeredFor = async (q: string) => {
      await openSearch(page, site.origin, { q });
      const count = await page.locator('[data-count="status:superseded"]').textContent();
      const hidden = await page
        .locator('#status-all')
        .evaluate((i) => (i.closest('.filter-option') as HTMLElement).hidden);
      return { count, offered: !hidden };
    };
    expect(await offeredFor(onlyInCurrentPages())).toEqual({ count: '(0)', offered: false });
    const deserters = await offeredFor('deserters');
    expect(deserters.count).toMatch(/^\([1-9]\d*\)$/);
    expect(deserters.offered).toBe(true);
  });
});

describe('when superseded editions are included', () => {
  it('the current profile ranks above every superseded edition of it that the search finds', async () => {
    await openSearch(page, site.origin, { q: 'deserters', status: 'all' });
    const shown = await shownResults(page);
    const current = shown.find(
      (u) => /^\/[^/]+\/(?!\d{4}-\d{2}\/)[^/]+\/$/.test(u) && declaredStatus(dir, u) === 'current',
    );
    expect(current, 'a current profile is among the results').toBeDefined();
    const [, country, profile] = current!.split('/');
    const older = shown.filter(
      (u) => new RegExp(`^/${country}/\\d{4}-\\d{2}/${profile}/$`).test(u) && declaredStatus(dir, u) === 'superseded',
    );
    expect(older.length, `superseded editions of ${current} are among the results`).toBeGreaterThan(0);
    for (const u of older) expect(shown.indexOf(current!), `${current} before ${u}`).toBeLessThan(shown.indexOf(u));
  });
});
