/**
 * The review page as a policy reviewer uses it: reached from the country page, readable on a phone (375 px) and a
 * desktop (1280 px) without sideways scrolling outside a table's own box, free of axe violations, and printable with
 * every list open (nothing folded away).
 */
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';

const session = useBrowserSession();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe('the review page', () => {
  it.each([375, 1280])('is reached from the country page and reads at %i px, axe clean', async (width) => {
    const page = await session.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(session.url(session.site.pages.country));
    await page.getByRole('link', { name: 'Review of the current edition' }).click();
    await page.waitForURL(/\/review\/$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(
      /review of the current edition/,
    );
    for (const name of [/evidence may be out of date/, /not known/, /Findings by age/, /Turning points/])
      expect(await page.getByRole('heading', { level: 2, name }).isVisible(), String(name)).toBe(true);
    // No sideways scrolling of the page itself: wide tables scroll in their own box.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('prints every list: nothing is folded away', async () => {
    const page = await session.newPage();
    await page.goto(session.url(session.site.pages.country.replace(/\/$/, '/review/')));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('main details').count()).toBe(0);
    const rows = await page.locator('#findings-by-age ~ .table-scroll tbody tr').count();
    const visibleRows = await page.locator('#findings-by-age ~ .table-scroll tbody tr:visible').count();
    expect(rows).toBeGreaterThan(0);
    expect(visibleRows).toBe(rows);
  });
});
