/**
 * The search page on a phone and by keyboard: the filters are sent folded, so nothing moves after the first paint
 * (no layout shift), and from the search box a "Skip to results" link reaches the first result in three Tab presses,
 * whatever the number of filters.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';

const session = useBrowserSession();
const SEARCH = '/search/?q=deserter';

/**
 * Opens the search page with a layout-shift observer installed before any of the page's own code runs. Its total
 * is read with `layoutShift`, which first lets two frames be drawn, so every shift drawn so far has been reported.
 */
async function openSearch(width: number, height: number): Promise<Page> {
  const page = await session.newPage();
  await page.setViewportSize({ width, height });
  await page.addInitScript(() => {
    type Shift = { value: number; hadRecentInput: boolean };
    let cls = 0;
    const add = (entries: unknown[]) => {
      for (const e of entries as Shift[]) if (!e.hadRecentInput) cls += e.value;
    };
    const observer = new PerformanceObserver((list) => add(list.getEntries()));
    observer.observe({ type: 'layout-shift', buffered: true });
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    (window as unknown as { layoutShift: () => Promise<number> }).layoutShift = async () => {
      await frame();
      await frame();
      add(observer.takeRecords());
      return cls;
    };
  });
  await page.goto(session.url(SEARCH));
  await page.waitForSelector('.search-main[aria-busy="false"]');
  return page;
}

const layoutShift = (page: Page) =>
  page.evaluate(() => (window as unknown as { layoutShift: () => Promise<number> }).layoutShift());

const focusedInResults = (page: Page) =>
  page.evaluate(() => Boolean(document.activeElement?.closest('#search-results li a')));

describe('the filters on a phone', () => {
  it('are sent folded in the HTML, not folded by script after the first paint', async () => {
    const html = await (await fetch(session.url(SEARCH))).text();
    const details = html.match(/<details[^>]*id="search-filters"[^>]*>/)?.[0];
    expect(details).toBeDefined();
    expect(details).not.toMatch(/\sopen(\s|=|>)/);
  });

  // 412×823 is Lighthouse's phone: there the footer was in the first screen and moved as the results came in.
  it.each([
    [375, 667],
    [412, 823],
  ])('nothing moves while the page loads and searches (cumulative layout shift below 0.05 at %i×%i)', async (w, h) => {
    const page = await openSearch(w, h);
    expect(await page.locator('#search-filters').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await layoutShift(page)).toBeLessThan(0.05);
    await page.close();
  });

  it('the measure catches the shift of filters unfolded by script after the first paint (control)', async () => {
    const page = await openSearch(375, 667);
    await page.locator('#search-filters').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    expect(await layoutShift(page)).toBeGreaterThanOrEqual(0.05);
    await page.close();
  });

  it('are shown beside the results on a wide screen', async () => {
    const page = await openSearch(1280, 800);
    expect(await page.locator('#status-current').isVisible()).toBe(true);
    await page.close();
  });
});

describe('from the search box to the first result by keyboard', () => {
  it.each([
    [375, 667],
    [1280, 800],
  ])('at %i×%i: three Tab presses and Enter on “Skip to results”', async (width, height) => {
    const page = await openSearch(width, height);
    await page.focus('#page-search');
    await page.keyboard.press('Tab'); // the Search button
    await page.keyboard.press('Tab'); // Skip to results
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to results');
    const box = await page.locator(':focus').boundingBox();
    expect(box && box.width > 1 && box.height > 1, 'the focused link is visible').toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focusedInResults(page)).toBe(true);
    expect(
      await page.evaluate(
        () => document.activeElement?.closest('li') === document.querySelector('#search-results > li'),
      ),
    ).toBe(true);
    await page.close();
  });
});
