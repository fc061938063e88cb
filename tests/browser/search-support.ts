/**
 * Shared by the search tests: a built site served on loopback with Chromium, every request recorded (so a test can
 * assert that nothing went to another origin and count the bytes a search costs), and two ways to search it: the
 * Pagefind API as the search page configures it, and the search page as a reader uses it.
 */
import type { Page, Request } from 'playwright-core';
import { openBrowser, type OpenBrowser } from '../support/browser.ts';
import { serveDist, type ServedSite } from '../support/serve-dist.ts';
import { exists, loadPage } from '../support/built-html.ts';

export interface SearchSite {
  dir: string;
  origin: string;
  browser: OpenBrowser;
  /** Every request any page made, in order. */
  requests: Request[];
  /** A new page (tab) of the browser, with its requests recorded. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Serves a build folder and opens Chromium on it. */
export async function openSearchSite(dir: string): Promise<SearchSite> {
  const served: ServedSite = await serveDist(dir);
  const browser = await openBrowser();
  const requests: Request[] = [];
  browser.context.on('request', (r) => requests.push(r));
  return {
    dir,
    origin: served.origin,
    browser,
    requests,
    newPage: () => browser.context.newPage(),
    close: async () => {
      await browser.close();
      await served.close();
    },
  };
}

/** Requests that left the site's origin (data: and blob: URLs stay in the page). */
export function foreignRequests(site: SearchSite): string[] {
  return site.requests.map((r) => r.url()).filter((u) => !u.startsWith(`${site.origin}/`) && !/^(data|blob):/.test(u));
}

/**
 * Top results from Pagefind's own API as the search page opened it (its options, every part of the index merged)
 * but with no filter and no relaxation: the index and its ranking alone. `page` must be on /search/. Returns result
 * URLs, best first.
 */
export async function apiSearch(page: Page, query: string, limit = 3): Promise<string[]> {
  return page.evaluate(inPage(API_SEARCH, { query, limit }));
}

/**
 * Code that runs in the page is passed as text: Vitest rewrites `import()` in test files, which would break the
 * import of pagefind.js inside a function handed to page.evaluate.
 */
const inPage = (fn: string, arg: unknown) => `(${fn})(${JSON.stringify(arg)})`;

const API_SEARCH = `async ({ query, limit }) => {
  const pagefind = await document.querySelector('cg-search').index;
  const response = await pagefind.search(query);
  return Promise.all(response.results.slice(0, limit).map(async (r) => (await r.data()).url));
}`;

/** Opens /search/ with URL parameters and waits until the search shown is that one. */
export async function openSearch(page: Page, origin: string, params: Record<string, string | string[]>): Promise<void> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of [v].flat()) query.append(k, x);
  await page.goto(`${origin}/search/?${query}`);
  await searchSettled(page);
}

/** Waits until the search page has finished drawing the search it is showing. */
export async function searchSettled(page: Page): Promise<void> {
  await page.waitForSelector('.search-main[aria-busy="false"]');
}

/** The result links of the search page, as paths, best first. */
export async function shownResults(page: Page): Promise<string[]> {
  return page
    .locator('#search-results > li .result-title a')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** The status a built page declares to the index ("current", "superseded"), or undefined (sources, law). */
export function declaredStatus(dir: string, url: string): string | undefined {
  const page = loadPage(dir, url);
  const el = page.all('span').find((s) => s.attribs['data-pagefind-filter'] === 'status');
  return el ? (el.children[0] as { data?: string } | undefined)?.data : undefined;
}

/** Whether the build has a page at this URL. */
export const pageExists = exists;
