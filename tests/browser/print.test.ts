/** A profile printed on paper: no navigation or breadcrumbs, citations written out with absolute URLs. */
import { expect, it } from 'vitest';
import { siteUrl } from '../../src/lib/site-url.ts';
import { useBrowserSession } from '../support/browser-session.ts';

const session = useBrowserSession();

it('a printed profile leaves out navigation and breadcrumbs and prints citations with absolute URLs', async () => {
  const page = await session.newPage();
  await page.goto(session.url(session.site.pages.supersededProfile));
  await page.emulateMedia({ media: 'print' });
  const site = new URL(siteUrl()).origin;

  const hidden = await page.evaluate(() =>
    ['.site-header nav', '.breadcrumbs', '.header-search', '.site-footer'].map((s) => {
      const el = document.querySelector(s);
      return el ? getComputedStyle(el).display : 'absent';
    }),
  );
  expect(hidden).toEqual(['none', 'none', 'none', 'none']);

  // Every finding's inline citations and every permalink print the absolute URL they lead to.
  const printed = await page.evaluate(() =>
    [...document.querySelectorAll('main .cite a, main a.permalink')].map((a) => getComputedStyle(a, '::after').content),
  );
  expect(printed.length).toBeGreaterThan(0);
  for (const content of printed) expect(content).toMatch(new RegExp(`^" <${site.replace(/[.]/g, '\\.')}/`));

  // The citation text of the page, each conclusion and each finding is on paper, not folded away.
  const citations = page.locator('main [data-cite-this] dd[data-citation="plain"]');
  expect(await citations.count()).toBeGreaterThan(0);
  for (const dd of await citations.all()) expect(await dd.isVisible()).toBe(true);
});
