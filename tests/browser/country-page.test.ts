/**
 * The country page (and an edition page) on a phone: the table has every conclusion, Exclusion included, with
 * "Not known" cells marked by more than their words, and the evidence gaps are one folded line per profile, so the
 * list of editions is not pushed thousands of pixels down.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';

const session = useBrowserSession();

describe.each(['country', 'edition'] as const)('the %s page', (type) => {
  it('its table has an Exclusion column, and "Not known" cells are marked and explained', async () => {
    const page = await session.newPage();
    await page.setViewportSize({ width: 375, height: 667 });
    await page.goto(session.url(session.site.pages[type]));
    const table = page.locator('.table-scroll table').first();
    expect(await table.locator('thead th').allTextContents()).toContain('Exclusion');
    const cells = await table.locator('tbody td').evaluateAll((tds) =>
      tds.map((td) => ({
        text: td.textContent!.trim(),
        marked: td.classList.contains('not-known'),
        style: getComputedStyle(td).fontStyle + getComputedStyle(td).backgroundColor,
      })),
    );
    const gaps = cells.filter((c) => c.text === 'Not known');
    const known = cells.filter((c) => c.text !== 'Not known');
    expect(gaps.every((c) => c.marked)).toBe(true);
    expect(known.some((c) => c.marked)).toBe(false);
    expect(gaps.length, 'the table has "Not known" cells').toBeGreaterThan(0);
    expect(known.length, 'the table has known cells').toBeGreaterThan(0);
    // Distinct at a glance: no "Not known" cell looks like a known one.
    const knownStyles = new Set(known.map((c) => c.style));
    expect(gaps.filter((c) => knownStyles.has(c.style))).toEqual([]);
    expect(await page.locator('.table-legend').textContent()).toMatch(/Not known.*evidence gaps/s);
    await page.close();
  });

  it('evidence gaps are folded, one line per profile naming what is not known, matching the table', async () => {
    const page = await session.newPage();
    await page.setViewportSize({ width: 375, height: 667 });
    await page.goto(session.url(session.site.pages[type]));
    const notKnownCells = await page.locator('.table-scroll td.not-known').count();
    const folded = await page.locator('details.gap-profile').evaluateAll((ds) =>
      ds.map((d) => ({
        open: (d as HTMLDetailsElement).open,
        named: d.querySelector('summary')!.textContent!.split(':')[1]?.split(',').length ?? 0,
        cards: d.querySelectorAll('.gap').length,
      })),
    );
    expect(folded.every((d) => !d.open)).toBe(true);
    expect(folded.reduce((n, d) => n + d.cards, 0)).toBe(notKnownCells);
    for (const d of folded) expect(d.named).toBe(d.cards);
    // No gap card is visible until its profile is opened.
    expect(
      await page.locator('.gap-profile .gap').evaluateAll((els) => els.filter((e) => e.checkVisibility()).length),
    ).toBe(0);
    await page.close();
  });
});
