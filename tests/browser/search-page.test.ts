/**
 * The search page as a reader uses it, in Chromium against the built site: typing, filters, results with their
 * edition and status, landing on a finding, bookmarkable URLs, help when nothing is found or search cannot run,
 * accessibility (axe, WCAG 2.2 AA), and no request to another origin. Content-agnostic: queries are taken from the
 * built pages, so the tests hold for content/ and for the fixture alike.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { chooseSite, type SiteUnderTest } from '../support/site-pages.ts';
import { hrefsIn, loadPage, textOf } from '../support/built-html.ts';
import { isStopWord, queryWords } from '../../src/shared/search-relax.ts';
import {
  apiSearch,
  foreignRequests,
  openSearch,
  openSearchSite,
  searchSettled,
  shownResults,
  type SearchSite,
} from './search-support.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let sut: SiteUnderTest;
let site: SearchSite;

beforeAll(async () => {
  sut = chooseSite(inject('siteDir'), inject('fixtureSiteDir'));
  site = await openSearchSite(sut.dir);
});
afterAll(async () => {
  await site?.close();
});

/** The h1 of a built page. */
const h1 = (url: string) => textOf(loadPage(sut.dir, url).all('h1')[0]);
/** The edition label a built page declares for its results. */
const editionOf = (url: string) => {
  const el = loadPage(sut.dir, url)
    .all('span')
    .find((s) => s.attribs['data-pagefind-meta'] === 'edition');
  return el ? textOf(el) : undefined;
};
/** Meaningful words of a text, for queries built from content. */
const keywords = (text: string, n: number) =>
  queryWords(text.replace(/[^\p{L}\p{N}\s-]/gu, ' '))
    .filter((w) => w.length >= 4 && !isStopWord(w))
    .slice(0, n);
/**
 * Current profile pages, from the country page's list of profiles: the row headers of its glance table (the page also
 * links pages that are not profiles, such as the review of the current edition).
 */
const currentProfiles = () => [
  ...new Set(
    loadPage(sut.dir, sut.pages.country)
      .all('th')
      .filter((th) => th.attribs.scope === 'row')
      .flatMap(hrefsIn)
      .filter((h) => h.startsWith(sut.pages.country)),
  ),
];

async function newPage(): Promise<Page> {
  return site.newPage();
}

describe('searching, filtering and opening a finding', () => {
  it('type a query, tick a filter, open a result and land on the finding it matched', async () => {
    const profile = loadPage(sut.dir, sut.pages.currentProfile);
    const finding = profile.all('section').find((s) => s.attribs.class?.split(' ').includes('finding'));
    expect(finding, `${sut.pages.currentProfile} has no finding`).toBeDefined();
    const anchor = finding!.attribs.id;
    // Words of the finding itself: what search indexes, without the parts it ignores (its label, its citation box).
    const indexed = finding!.children.filter(
      (n) => !('attribs' in n) || !('data-pagefind-ignore' in (n as { attribs: Record<string, string> }).attribs),
    );
    const body = indexed
      .map((n) => textOf(n as Parameters<typeof textOf>[0]))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    const query = keywords(body, 3).join(' ');

    const page = await newPage();
    await page.goto(`${site.origin}/search/`);
    await searchSettled(page);
    await page.getByLabel('Search guidance, sources and legal provisions').fill('');
    await page.locator('#page-search').pressSequentially(query, { delay: 20 });
    await page.waitForFunction(
      (q) =>
        document
          .querySelector('.search-main')
          ?.getAttribute('data-search')
          ?.includes(encodeURIComponent(q.split(' ')[0])) &&
        document.querySelector('.search-main')?.getAttribute('aria-busy') === 'false',
      query,
    );
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/result|page/);
    expect(new URL(page.url()).searchParams.get('q')).toBe(query);

    await page.getByRole('checkbox', { name: /^Profile\b/ }).check();
    await page.waitForFunction(
      () =>
        document.querySelector('.search-main')?.getAttribute('data-search')?.includes('kind=Profile') &&
        document.querySelector('.search-main')?.getAttribute('aria-busy') === 'false',
    );
    expect(new URL(page.url()).searchParams.getAll('kind')).toEqual(['Profile']);
    const metas = await page.locator('#search-results > li .result-meta').allTextContents();
    expect(metas.length).toBeGreaterThan(0);
    for (const meta of metas) expect(meta).toContain('Profile');

    const link = page.locator(`#search-results a[href="${sut.pages.currentProfile}#${anchor}"]`);
    await expect
      .poll(() => link.count(), { message: `a sub-result links to ${sut.pages.currentProfile}#${anchor}` })
      .toBeGreaterThan(0);
    await link.first().click();
    await page.waitForURL(`**${sut.pages.currentProfile}#${anchor}`);
    const landed = await page.evaluate((id) => {
      const el = document.getElementById(id)!;
      const box = el.getBoundingClientRect();
      return { target: el.matches(':target'), top: box.top, height: window.innerHeight };
    }, anchor);
    expect(landed.target).toBe(true);
    expect(landed.top).toBeGreaterThanOrEqual(-1);
    expect(landed.top).toBeLessThan(landed.height);

    // Back on the search page, the search is still there: it lives in the URL.
    await page.goBack();
    await searchSettled(page);
    expect(await page.locator('#page-search').inputValue()).toBe(query);
    expect(await page.getByRole('checkbox', { name: /^Profile\b/ }).isChecked()).toBe(true);
    await page.close();
  });

  it('a search in the URL opens as it was left, and changes are written back without new history entries', async () => {
    const title = h1(sut.pages.currentProfile);
    const page = await newPage();
    await openSearch(page, site.origin, { q: title, kind: 'Profile', status: 'all' });
    expect(await page.locator('#page-search').inputValue()).toBe(title);
    expect(await page.getByRole('checkbox', { name: /^Profile\b/ }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Include superseded editions' }).isChecked()).toBe(true);
    expect(await shownResults(page)).toContain(sut.pages.currentProfile);

    const historyLength = await page.evaluate(() => history.length);
    await page.getByRole('radio', { name: 'Current guidance only' }).check();
    await page.waitForFunction(
      () =>
        !document.querySelector('.search-main')?.getAttribute('data-search')?.includes('status=') &&
        document.querySelector('.search-main')?.getAttribute('aria-busy') === 'false',
    );
    expect(new URL(page.url()).searchParams.get('status')).toBeNull();
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    expect(await page.title()).toContain(title);
    await page.close();
  });

  it('the header box and the "/" shortcut lead to the same search page', async () => {
    const title = h1(sut.pages.currentProfile);
    const page = await newPage();
    await page.goto(`${site.origin}${sut.pages.source}`);
    await page.locator('body').press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type(title);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search/?q=*');
    await searchSettled(page);
    expect(await shownResults(page)).toContain(sut.pages.currentProfile);
    // On the search page itself, "/" goes to the page's own box.
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-search');
    await page.close();
  });
});

describe('current and superseded guidance', () => {
  it('by default only current guidance is shown; one click includes superseded editions, each labelled with its edition', async () => {
    const superseded = sut.pages.supersededProfile;
    const title = h1(superseded);
    const edition = editionOf(superseded)!;
    const page = await newPage();
    await openSearch(page, site.origin, { q: title });
    expect(await page.locator('#search-results > li.is-superseded').count()).toBe(0);
    expect(await shownResults(page)).not.toContain(superseded);

    const hint = page.locator('#search-superseded-hint');
    await expect.poll(() => hint.textContent()).toMatch(/more results? (is|are) in superseded editions/);
    await hint.getByRole('button', { name: 'Include superseded editions' }).click();
    await page.waitForFunction(
      () =>
        document.querySelector('.search-main')?.getAttribute('data-search')?.includes('status=all') &&
        document.querySelector('.search-main')?.getAttribute('aria-busy') === 'false',
    );
    expect(new URL(page.url()).searchParams.get('status')).toBe('all');
    // The button is gone with the hint; focus moves to the new results count rather than the top of the page.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-status');

    const item = page.locator('#search-results > li', { has: page.locator(`.result-title a[href="${superseded}"]`) });
    await expect.poll(() => item.count(), { message: `${superseded} is among the results` }).toBe(1);
    expect(await item.getAttribute('class')).toContain('is-superseded');
    expect(await item.locator('.result-meta').textContent()).toContain(`Superseded: ${edition} edition`);
    // The label reaches screen readers through the link text too.
    expect(await item.locator('.result-title a').textContent()).toContain(`(superseded: ${edition} edition)`);
    await page.close();
  });

  it('sources and legal provisions are found with the default filter, though they belong to no edition', async () => {
    const page = await newPage();
    for (const url of [sut.pages.source, sut.pages.provision]) {
      await openSearch(page, site.origin, { q: h1(url) });
      expect(await shownResults(page), `searching the title of ${url}`).toContain(url);
    }
    await page.close();
  });
});

describe('help when a search finds little or nothing', () => {
  it('an empty search shows suggestions and ways to browse', async () => {
    const page = await newPage();
    await openSearch(page, site.origin, {});
    const help = page.locator('#search-help-start');
    expect(await help.isVisible()).toBe(true);
    expect(await help.getByRole('link', { name: 'Source register' }).getAttribute('href')).toBe('/sources/');
    expect(await help.locator('.search-suggestions a[href^="/search/?q="]').count()).toBeGreaterThan(0);
    expect(await page.locator('#search-results > li').count()).toBe(0);
    await page.close();
  });

  it('a search that finds nothing says so and offers to include superseded editions, clear filters or browse', async () => {
    const page = await newPage();
    await openSearch(page, site.origin, { q: 'zzqxwv', kind: 'Source' });
    expect(await page.locator('#search-status').textContent()).toMatch(/^No results for “zzqxwv”/);
    const help = page.locator('#search-help-none');
    expect(await help.isVisible()).toBe(true);
    expect(await help.getByRole('button', { name: 'Include superseded editions' }).isVisible()).toBe(true);
    await help.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForFunction(
      () =>
        !document.querySelector('.search-main')?.getAttribute('data-search')?.includes('kind=') &&
        document.querySelector('.search-main')?.getAttribute('aria-busy') === 'false',
    );
    expect(new URL(page.url()).searchParams.getAll('kind')).toEqual([]);
    expect(await help.getByRole('link', { name: 'Source register' }).isVisible()).toBe(true);
    await page.close();
  });

  it('words that are never on one page together are searched separately, and the page says which words it left out', async () => {
    const page = await newPage();
    await page.goto(`${site.origin}/search/`);
    // Two words that exist in the index but share no page: each is on one page only, and the pages differ.
    const x = await wordOnlyOn(page, sut.pages.source);
    const y = await wordOnlyOn(page, sut.pages.provision);
    expect(x && y, 'a word found only on a source page and one only on a provision page').toBeTruthy();
    const pair = [x!, y!];
    const query = `what about ${pair[0]} and ${pair[1]}`;
    await openSearch(page, site.origin, { q: query, status: 'all' });
    const notice = await page.locator('#search-relaxed').textContent();
    expect(notice).toContain('Left out as too common: “what”, “about” and “and”.');
    expect(notice).toContain(`some of “${pair[0]}” and “${pair[1]}”`);
    const missing = await page.locator('#search-results .result-missing').allTextContents();
    expect(missing.length).toBeGreaterThan(0);
    expect(missing[0]).toMatch(/^Does not contain: “/);
    await page.close();
  });

  it('when the search index cannot be loaded, the page says so and links to the guidance', async () => {
    const page = await newPage();
    await page.route('**/pagefind/pagefind.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await openSearch(page, site.origin, { q: 'anything' });
    const help = page.locator('#search-help-error');
    expect(await help.isVisible()).toBe(true);
    expect(await help.textContent()).toContain('The search index could not be loaded');
    expect(await help.getByRole('link', { name: 'Source register' }).isVisible()).toBe(true);
    expect(await help.locator(`a[href="${sut.pages.country}"]`).count()).toBe(1);
    await page.close();
  });

  it('without JavaScript the page says how to reach the guidance', async () => {
    const page = await newPage();
    const cdp = await site.browser.context.newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(`${site.origin}/search/?q=anything`);
    const note = page.locator('main .notice', { hasText: 'Search needs JavaScript' });
    expect(await note.isVisible()).toBe(true);
    expect(await note.locator(`a[href="/sources/"]`).count()).toBe(1);
    expect(await note.locator(`a[href="${sut.pages.country}"]`).count()).toBe(1);
    await page.close();
  });
});

describe('a new reader finds each current profile from the home page by search alone', () => {
  it('every profile of the current edition is in the top 3 when its name is typed on the home page, and opens on its conclusions', async () => {
    const page = await newPage();
    const profiles = currentProfiles();
    expect(profiles.length).toBeGreaterThan(0);
    for (const url of profiles) {
      const title = h1(url);
      await page.goto(`${site.origin}/`);
      await page.getByLabel('Search all guidance, sources and provisions').fill(title);
      await page.keyboard.press('Enter');
      await page.waitForURL('**/search/?q=*');
      await searchSettled(page);
      const top = (await shownResults(page)).slice(0, 3);
      expect(top, `typing “${title}” on the home page`).toContain(url);
      await page.locator(`#search-results .result-title a[href="${url}"]`).click();
      await page.waitForURL(`**${url}`);
      expect(await page.locator('.status-current').first().isVisible()).toBe(true);
      const hasConclusions = (await page.locator('#conclusions').count()) > 0;
      if (hasConclusions) expect(await page.locator('.conclusion').count()).toBe(4);
    }
    await page.close();
  });
});

describe('accessibility and privacy', () => {
  it.each([
    ['the empty search page', {}],
    ['results with filters and sub-results', { q: 'deserters', status: 'all' }],
    ['a relaxed question', { q: 'what happens to a deserter who goes back now' }],
    ['no results', { q: 'zzqxwv' }],
  ] as const)('%s passes axe (WCAG 2.2 AA)', async (_name, params) => {
    const page = await newPage();
    await openSearch(page, site.origin, params);
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual(
      [],
    );
    await page.close();
  });

  it('searching made no request to another origin', async () => {
    const page = await newPage();
    await openSearch(page, site.origin, { q: h1(sut.pages.currentProfile), status: 'all' });
    await page.locator('#search-results a').first().click();
    await page.waitForLoadState('load');
    await page.close();
    expect(foreignRequests(site)).toEqual([]);
    expect(site.requests.some((r) => r.url().startsWith(`${site.origin}/pagefind/`))).toBe(true);
  });
});

/** A word of a built page that the index has on that page only (Pagefind matches prefixes, so longer words count too). */
async function wordOnlyOn(page: Page, url: string): Promise<string | undefined> {
  const text = textOf(loadPage(sut.dir, url).all('main')[0]);
  const candidates = [
    ...new Set(queryWords(text.replace(/[^\p{L}\s]/gu, ' ')).filter((w) => w.length >= 7 && !isStopWord(w))),
  ];
  for (const word of candidates) {
    const found = await apiSearch(page, word, 2);
    if (found.length === 1 && found[0] === url) return word;
  }
  return undefined;
}
