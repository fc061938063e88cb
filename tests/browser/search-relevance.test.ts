/**
 * Relevance: for each realistic search in tests/search-relevance.json, the page that should answer it is in the top
 * three, from Pagefind's own API (no filter, no relaxation) and on /search/ as a reader sees it; for the short
 * queries of `first`, the page is the first result on /search/ with the default filters. Runs against the site
 * built from content/; an expected page missing from the build fails, so the set follows the content.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT } from '../support/run-build.ts';
import {
  apiSearch,
  declaredStatus,
  foreignRequests,
  openSearch,
  openSearchSite,
  pageExists,
  shownResults,
  type SearchSite,
} from './search-support.ts';

interface Case {
  query: string;
  expect: string;
  from: string;
  why: string;
}
const set = JSON.parse(readFileSync(resolve(ROOT, 'tests/search-relevance.json'), 'utf8')) as {
  queries: Case[];
  questions: Case[];
  first: Case[];
};

const dir = inject('siteDir');
let site: SearchSite;
let page: Page;

beforeAll(async () => {
  site = await openSearchSite(dir);
  page = await site.newPage();
  await page.goto(`${site.origin}/search/`);
});
afterAll(async () => {
  await site?.close();
});

/** The search page parameters a reader uses for this page: superseded pages need "Include superseded editions". */
const readerParams = (c: Case): Record<string, string> =>
  declaredStatus(dir, c.expect) === 'superseded' ? { q: c.query, status: 'all' } : { q: c.query };

const top3 = (urls: string[]) => urls.slice(0, 3);

describe('the relevance set matches the content', () => {
  it.each([...set.queries, ...set.questions, ...set.first].map((c) => [c.expect, c.query] as const))(
    '%s exists in the build (for “%s”)',
    (url) => {
      expect(
        pageExists(dir, url),
        `${url} is not in the build: update tests/search-relevance.json to follow content/`,
      ).toBe(true);
    },
  );
});

describe('searches with keywords find their page in the top 3', () => {
  it.each(set.queries.map((c) => [c.query, c.expect, c] as const))(
    '“%s” → %s, from the Pagefind API with no filter',
    async (_q, expected, c) => {
      const found = await apiSearch(page, c.query);
      expect(found, `${c.from}: ${c.why}`).toContain(expected);
    },
  );

  it.each(set.queries.map((c) => [c.query, c.expect, c] as const))(
    '“%s” → %s, on the search page as a reader sees it',
    async (_q, expected, c) => {
      await openSearch(page, site.origin, readerParams(c));
      expect(top3(await shownResults(page)), `${c.from}: ${c.why}`).toContain(expected);
    },
  );
});

describe('questions in plain language find their page in the top 3 of the search page', () => {
  it.each(set.questions.map((c) => [c.query, c.expect, c] as const))('“%s” → %s', async (_q, expected, c) => {
    await openSearch(page, site.origin, readerParams(c));
    expect(top3(await shownResults(page)), `${c.from}: ${c.why}`).toContain(expected);
  });
});

describe('short plain queries give what they name first on the search page (default filters)', () => {
  it.each(set.first.map((c) => [c.query, c.expect, c] as const))('“%s” → %s first', async (_q, expected, c) => {
    await openSearch(page, site.origin, { q: c.query });
    expect((await shownResults(page))[0], `${c.from}: ${c.why}`).toBe(expected);
  });
});

describe('while searching', () => {
  it('no request went to another origin', () => {
    expect(site.requests.length).toBeGreaterThan(0);
    expect(foreignRequests(site)).toEqual([]);
  });
});
