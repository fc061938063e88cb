/**
 * Chromium enforces each page's Content-Security-Policy, and the site's own scripts (the "/" shortcut, the search
 * page, Pagefind's worker and WebAssembly) run under it without a single violation.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';

const session = useBrowserSession();

/** Console messages in which Chromium reports a CSP violation. */
function violations(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) found.push(m.text());
  });
  return found;
}

describe('the Content-Security-Policy', () => {
  it('blocks an inline script that the build did not hash', async () => {
    const page = await session.newPage();
    const found = violations(page);
    await page.goto(session.url('/'), { waitUntil: 'networkidle' });
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.injectedRan = true';
      document.body.append(s);
      return (window as unknown as { injectedRan?: boolean }).injectedRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => found.length).toBeGreaterThan(0);
  });

  it('lets a search run from the home page through "/" and show results, with no violation', async () => {
    const page = await session.newPage();
    const found = violations(page);
    await page.goto(session.url('/'), { waitUntil: 'networkidle' });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('military');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=military/);
    await page.locator('#search-results li').first().waitFor();
    expect(await page.locator('#search-results li').count()).toBeGreaterThan(0);
    expect(found).toEqual([]);
  });
});
