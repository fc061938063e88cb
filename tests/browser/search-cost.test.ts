/**
 * What search costs a reader, measured in Chromium against the site built from content/: the size of the index,
 * the bytes a first and a later query transfer (from the browser's own network events), and how long a query takes.
 * The figures are printed and written to tmp/search-metrics.json; the test fails if the bytes exceed generous
 * budgets or a repeated query fetches anything. Time is printed, never asserted: on a shared machine it measures
 * the machine's load, while the bytes and requests of a query are the same on every run.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { ROOT } from '../support/run-build.ts';
import { openSearchSite, searchSettled, type SearchSite } from './search-support.ts';

/** Budgets: a slow mobile connection should still search comfortably. */
const BUDGET = { firstQueryBytes: 400_000, laterQueryBytes: 150_000 };

const dir = inject('siteDir');
let site: SearchSite;
beforeAll(async () => {
  site = await openSearchSite(dir);
});
afterAll(async () => {
  await site?.close();
});

/** Bytes of every file under a folder. */
function folderBytes(path: string): number {
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .reduce((sum, d) => sum + statSync(join(d.parentPath, d.name)).size, 0);
}

/** Bytes on the wire (headers and body) of the requests that finished while `action` ran. */
async function transferred(
  page: Page,
  action: () => Promise<void>,
): Promise<{ bytes: number; pagefindBytes: number; requests: number; files: string[] }> {
  const started = new Set<Request>();
  const finished: Request[] = [];
  let failed = 0;
  let allDone = () => {};
  const settle = () => {
    if (finished.length + failed === started.size) allDone();
  };
  const onRequest = (r: Request) => started.add(r);
  const onFinished = (r: Request) => {
    if (!started.has(r)) return;
    finished.push(r);
    settle();
  };
  const onFailed = (r: Request) => {
    if (!started.has(r)) return;
    failed++;
    settle();
  };
  page.on('request', onRequest);
  page.on('requestfinished', onFinished);
  page.on('requestfailed', onFailed);
  await action();
  // Network events reach the test after the page has drawn what they brought: wait for every request it started.
  const done = new Promise<void>((resolve) => (allDone = resolve));
  settle();
  await done;
  page.off('request', onRequest);
  page.off('requestfinished', onFinished);
  page.off('requestfailed', onFailed);
  expect(failed, 'no request failed').toBe(0);
  const sized = await Promise.all(
    finished.map(async (r) => ({ path: new URL(r.url()).pathname, sizes: await r.sizes() })),
  );
  const bytesOf = (list: typeof sized) =>
    list.reduce((sum, { sizes: s }) => sum + s.responseBodySize + s.responseHeadersSize, 0);
  return {
    bytes: bytesOf(sized),
    pagefindBytes: bytesOf(sized.filter((x) => x.path.startsWith('/pagefind/'))),
    requests: finished.length,
    files: sized.map((x) => x.path),
  };
}

/** Types a query into the search page and waits for its results. */
async function search(page: Page, query: string): Promise<void> {
  await page.locator('#page-search').fill(query);
  await page.waitForFunction((q) => {
    const region = document.querySelector('.search-main');
    return (
      region?.getAttribute('aria-busy') === 'false' &&
      new URLSearchParams(region.getAttribute('data-search')?.split('?')[1]).get('q') === q
    );
  }, query);
}

describe('what a search costs', () => {
  it('index size and bytes of a first and a later query stay within budget, and a repeated query fetches nothing', async () => {
    const indexDir = join(dir, 'pagefind');
    const byPart = (sub: string) => folderBytes(join(indexDir, sub));
    const index = {
      totalBytes: folderBytes(indexDir),
      libraryBytes: ['pagefind.js', 'pagefind-worker.js', 'wasm.en.pagefind', 'wasm.unknown.pagefind'].reduce(
        (s, f) => s + statSync(join(indexDir, f)).size,
        0,
      ),
      wordIndexBytes: byPart('index'),
      fragmentBytes: byPart('fragment'),
      filterBytes: byPart('filter'),
    };

    const page = await site.newPage();
    // The page loads Pagefind before anything is typed; the first query pays for that and its own chunks.
    const first = await transferred(page, async () => {
      await page.goto(`${site.origin}/search/`);
      await searchSettled(page);
      await search(page, 'deserters');
    });
    const later = await transferred(page, () => search(page, 'returnee arrested at the airport'));
    const uiMs = Number(await page.locator('#search-status').getAttribute('data-ms'));

    // Query latency from the API: a cold query (words not searched before) and the same query again, each with the
    // requests it made.
    const timed = (query: string) =>
      page.evaluate(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        const t0 = performance.now();
        const r = await pagefind.search(${JSON.stringify(query)});
        await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
        return Math.round(performance.now() - t0);
      })()`) as Promise<number>;
    const latency = { coldMs: 0, warmMs: 0, coldRequests: 0, warmRequests: 0 };
    latency.coldRequests = (
      await transferred(page, async () => void (latency.coldMs = await timed('amnesty checkpoint')))
    ).requests;
    latency.warmRequests = (
      await transferred(page, async () => void (latency.warmMs = await timed('amnesty checkpoint')))
    ).requests;
    await page.close();

    const pagefindFiles = (files: string[]) => files.filter((f) => f.startsWith('/pagefind/')).length;
    const metrics = {
      index,
      firstQuery: {
        bytes: first.bytes,
        pagefindBytes: first.pagefindBytes,
        requests: first.requests,
        pagefindRequests: pagefindFiles(first.files),
        note: 'loading /search/ (page, its CSS and script, Pagefind) and the query "deserters" with its 10 results',
      },
      laterQuery: {
        bytes: later.bytes,
        pagefindBytes: later.pagefindBytes,
        requests: later.requests,
        note: 'the query "returnee arrested at the airport" after the first: index chunks of new words and the fragments of new results',
      },
      latency: {
        ...latency,
        searchPageMs: uiMs,
        note: "API: search + data() of the top 10; searchPageMs: the search page's whole run (query, filter counts, relaxation)",
      },
    };
    mkdirSync(resolve(ROOT, 'tmp'), { recursive: true });
    writeFileSync(resolve(ROOT, 'tmp/search-metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
    console.log(
      `search cost: index ${index.totalBytes} B (library ${index.libraryBytes} B); first query ${first.bytes} B (Pagefind ${first.pagefindBytes} B) in ${first.requests} requests; later query ${later.bytes} B in ${later.requests} requests; latency cold ${latency.coldMs} ms, warm ${latency.warmMs} ms, search page run ${uiMs} ms`,
    );

    expect(first.bytes).toBeLessThan(BUDGET.firstQueryBytes);
    expect(later.bytes).toBeLessThan(BUDGET.laterQueryBytes);
    expect(later.bytes).toBeLessThan(first.bytes);
    // A query already run is answered from what the page holds: no request, whatever the machine's speed.
    expect(latency.coldRequests, 'the count sees the requests of a query not run before').toBeGreaterThan(0);
    expect(latency.warmRequests).toBe(0);
  });
});
