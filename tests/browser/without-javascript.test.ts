/**
 * Without JavaScript nothing is shown that cannot work (issue 26): the date lookup form stays hidden and the static
 * list of periods answers instead; the search page shows its note and links, not a box and filters that do nothing.
 * Chromium runs with scripting off in Blink's settings, so the page parses <noscript> and matches (scripting: none)
 * as a browser with JavaScript off does.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM } from '../support/browser.ts';
import { serveDist, type ServedSite } from '../support/serve-dist.ts';

let served: ServedSite;
let browser: Browser;

beforeAll(async () => {
  served = await serveDist(inject('siteDir'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--blink-settings=scriptEnabled=false'],
  });
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function open(path: string, width = 375): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 740 } });
  await page.goto(`${served.origin}${path}`);
  return page;
}

/** Form controls a reader can see inside the page's main content. */
const visibleControls = (page: Page) =>
  page
    .locator('main')
    .locator('input, select, button')
    .evaluateAll((els) =>
      els.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => el.outerHTML.slice(0, 80)),
    );

describe('without JavaScript', () => {
  it('scripts really are off (the gate is live)', async () => {
    const page = await open('/');
    expect(await page.evaluate(() => matchMedia('(scripting: none)').matches)).toBe(true);
  });

  it.each(['/syria/', '/syria/deserters/history/'])(
    '%s answers the date lookup with the list of periods, and shows no lookup form',
    async (path) => {
      const page = await open(path);
      expect(await page.locator('[data-in-force-form]').isVisible()).toBe(false);
      const periods = page.getByRole('region', { name: /Periods in force/ });
      expect(await periods.isVisible()).toBe(true);
      expect(await periods.getByRole('row').count()).toBeGreaterThan(2);
      expect(await visibleControls(page)).toEqual([]);
    },
  );

  it.each([375, 1280])(
    'at %i px the search page shows its note and links, and no dead box or filter',
    async (width) => {
      const page = await open('/search/?q=deserters', width);
      expect(await visibleControls(page)).toEqual([]);
      const note = page.locator('noscript .notice');
      expect(await note.isVisible()).toBe(true);
      expect(await note.getByRole('link').count()).toBeGreaterThan(0);
    },
  );
});
