/**
 * A profile printed on paper: no navigation or breadcrumbs; every internal link prints its absolute URL; each page,
 * conclusion and finding prints one citation form, after its content, and the permanent link once (in the citation).
 */
import { expect, it } from 'vitest';
import { siteUrl } from '../../src/site/site-url.ts';
import { useBrowserSession } from '../support/browser-session.ts';

const session = useBrowserSession();

it('a printed profile leaves out navigation, prints absolute URLs and one citation per item', async () => {
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

  // Every internal link on paper (source citations included) prints the absolute URL it leads to.
  const printed = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('main a[href^="/"]')]
      .filter((a) => a.checkVisibility())
      .map((a) => ({ href: a.getAttribute('href')!, after: getComputedStyle(a, '::after').content })),
  );
  expect(printed.length).toBeGreaterThan(10);
  for (const { href, after } of printed) expect(after).toBe(`" <${site}${href}>"`);

  // One form per item, after the item's content; no separate permanent link beside it.
  const items = await page.evaluate(() =>
    [...document.querySelectorAll('main [data-cite-this]')].map((cite) => ({
      forms: [...cite.querySelectorAll('[data-citation]')].filter((dd) => dd.checkVisibility()).length,
      permalinks: [...cite.querySelectorAll('a.permalink')].filter((a) => a.checkVisibility()).length,
      // Nothing of the item follows its citation (a module script may, which shows nothing).
      last: [...cite.parentElement!.children]
        .slice([...cite.parentElement!.children].indexOf(cite) + 1)
        .every((e) => e.matches('script')),
    })),
  );
  expect(items.length).toBeGreaterThan(2);
  expect(items.filter((i) => i.forms !== 1 || i.permalinks !== 0 || !i.last)).toEqual([]);
  const permalink = await page.locator('.cite-page a.permalink').textContent();
  const body = (await page.locator('main').innerText()).split(permalink!.replace(/^Permalink to [^:]+: /, '') + ' ');
  expect(body.length - 1, 'the page permalink is printed once').toBe(1);
});
