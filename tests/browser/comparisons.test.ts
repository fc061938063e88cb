/**
 * Every comparison one step away (issue 26): a profile's history page links every pair of its editions, every
 * superseded profile carried forward links "what changed since this edition" to its comparison with the current
 * one, and a comparison reads on a phone (conclusions stacked before → after) and on a wide screen (a table marking
 * only the rows that changed); findings added or removed read as plain text, word marks only for rewording.
 * Run on the real site (its superseded editions), in Chromium at 375 and 1280 px wide.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../../scripts/lib/built-pages.ts';
import { urlOfFile } from '../../src/shared/urls.ts';
import { exists } from '../support/built-html.ts';
import { useBrowserSession } from '../support/browser-session.ts';

const session = useBrowserSession();
const dir = inject('siteDir');
const WIDTHS = [375, 1280] as const;
const COMPARE = /\/compare\/(\d{4}-\d{2})\.\.(\d{4}-\d{2})\/$/;
const urls = listFiles(dir, '.html').map(urlOfFile);
const histories = urls.filter((u) => /^\/[^/]+\/[^/]+\/history\/$/.test(u));
/** Profile pages of an edition (/syria/2024-04/deserters/). */
const editionProfiles = urls.filter((u) => /^\/[^/]+\/\d{4}-\d{2}\/[^/]+\/$/.test(u));

const pageAt = async (width: number) => {
  const page = await session.newPage();
  await page.setViewportSize({ width, height: 740 });
  return page;
};

describe('the history page links every pair of editions', () => {
  it.each(WIDTHS)(
    'at %i px, for every profile: n versions, n(n−1)/2 links, each to a built comparison',
    async (width) => {
      const page = await pageAt(width);
      expect(histories.length).toBeGreaterThan(5);
      for (const history of histories) {
        const [, country, profile] = history.split('/');
        const versions = editionProfiles.filter(
          (u) => u.split('/')[1] === country && u.split('/')[3] === profile,
        ).length;
        await page.goto(session.url(history));
        const grid = page.getByRole('table', { name: /Compare two editions/ });
        const hrefs =
          versions > 1 ? await grid.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!)) : [];
        expect(hrefs.length, history).toBe((versions * (versions - 1)) / 2);
        expect(new Set(hrefs).size, history).toBe(hrefs.length);
        for (const href of hrefs) {
          expect(href, history).toMatch(COMPARE);
          const [, from, to] = COMPARE.exec(href)!;
          expect(from < to, href).toBe(true);
          expect(exists(dir, href), href).toBe(true);
        }
        if (hrefs.length) expect(await grid.getByRole('link').first().isVisible()).toBe(true);
      }
    },
  );
});

describe('a superseded profile reaches its comparison with the current edition in one activation', () => {
  const carried = editionProfiles.filter((u) => {
    const [, country, , profile] = u.split('/');
    return exists(dir, `/${country}/${profile}/`);
  });

  it.each(WIDTHS)('at %i px, every superseded profile carried forward', async (width) => {
    const page = await pageAt(width);
    let superseded = 0;
    for (const url of carried) {
      await page.goto(session.url(url));
      const notice = page.getByRole('note');
      if ((await notice.count()) === 0) continue; // a current edition's page
      if ((await notice.getByRole('link', { name: /Read the current guidance/ }).count()) === 0) continue;
      superseded++;
      const link = notice.getByRole('link', { name: 'what changed since this edition' });
      expect(await link.isVisible(), url).toBe(true);
      const month = url.split('/')[2];
      await link.click();
      await page.waitForURL(new RegExp(`/compare/${month}\\.\\.\\d{4}-\\d{2}/$`));
      expect(await page.getByRole('heading', { level: 1 }).textContent(), url).toMatch(/compared with/);
    }
    expect(superseded, 'the site has superseded profiles carried forward').toBeGreaterThanOrEqual(10);
  });
});

describe('a comparison of two editions', () => {
  const url = '/syria/deserters/compare/2024-04..2025-12/';

  it('on a phone stacks each conclusion, before above after, only changed ones marked; no table, no sideways scroll', async () => {
    const page = await pageAt(375);
    await page.goto(session.url(url));
    expect(await page.locator('table.compare').isVisible()).toBe(false);
    const items = page.locator('.compare-stack > li');
    expect(await items.count()).toBe(4);
    let changed = 0;
    for (const item of await items.all()) {
      const marked = (await item.locator('.changed-mark').count()) > 0;
      const terms = await item.locator('dt').allTextContents();
      if (marked) {
        changed++;
        expect(terms).toEqual(['Before (April 2024)', 'After (December 2025)']);
        const [before, after] = await item.locator('dd').all();
        expect((await before.boundingBox())!.y).toBeLessThan((await after.boundingBox())!.y);
      } else expect(terms, 'an unchanged conclusion is shown once').toEqual([]);
    }
    expect(changed).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it('on a wide screen is a table that marks only the rows that changed', async () => {
    const page = await pageAt(1280);
    await page.goto(session.url(url));
    expect(await page.locator('.compare-stack').isVisible()).toBe(false);
    const rows = page.locator('table.compare tbody tr');
    for (const row of await rows.all()) {
      const said = (await row.locator('td').last().textContent())?.trim();
      expect(await row.evaluate((tr) => tr.classList.contains('changed'))).toBe(said === 'Changed');
      const background = await row
        .locator('td')
        .first()
        .evaluate((td) => getComputedStyle(td).backgroundColor);
      if (said === 'Unchanged') expect(background).toBe('rgba(0, 0, 0, 0)');
    }
  });

  it('shows added and removed findings as plain text under their label, word marks only for rewording', async () => {
    const page = await pageAt(1280);
    let groups = 0;
    for (const compare of urls.filter((u) => COMPARE.test(u))) {
      await page.goto(session.url(compare));
      for (const heading of await page.getByRole('heading', { level: 3, name: /^(Added in|Removed since) / }).all()) {
        groups++;
        const list = heading.locator('xpath=following-sibling::ul[1]');
        expect(await list.locator('ins, del').count(), compare).toBe(0);
        expect(await list.locator('li').count(), compare).toBeGreaterThan(0);
      }
    }
    expect(groups, 'some comparison adds or removes a finding').toBeGreaterThan(0);
  });
});

describe('axe finds nothing on the history and compare pages at 375 px', () => {
  it.each(['/syria/deserters/history/', '/syria/deserters/compare/2024-04..2025-12/'])('%s', async (url) => {
    const page = await pageAt(375);
    await page.goto(session.url(url));
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
