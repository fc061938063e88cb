/** Keyboard users can skip the header and land in the content. */
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';
import type { PageTypes } from '../support/site-pages.ts';

const session = useBrowserSession();
const TYPES: (keyof PageTypes)[] = ['home', 'currentProfile', 'source'];

describe('the skip link is the first Tab stop and moves focus to main', () => {
  it.each(TYPES)('%s', async (type) => {
    const page = await session.newPage();
    await page.goto(session.url(session.site.pages[type]));

    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim(),
      href: document.activeElement?.getAttribute('href'),
    }));
    expect(first).toEqual({ text: 'Skip to main content', href: '#main' });
    const box = await page.locator(':focus').boundingBox();
    expect(box && box.width > 1 && box.height > 1 && box.y >= 0, 'the focused skip link is on screen').toBe(true);

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#main');
    expect(await page.evaluate(() => `${document.activeElement?.tagName}#${document.activeElement?.id}`)).toBe(
      'MAIN#main',
    );
  });
});
