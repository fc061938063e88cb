/**
 * Policy staff review what an update changed; lawyers need the guidance as it stood on the date of a decision.
 * Run on the site built from content/, since the questions are about the real Syria editions.
 */
import { expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';

const session = useBrowserSession();

it('the April 2024 → December 2025 comparison for deserters marks the conclusions that changed', async () => {
  const page = await session.newPage();
  await page.goto(session.url('/syria/deserters/history/'));
  expect(await page.getByRole('link', { name: 'April 2024 → December 2025' }).count()).toBe(1);
  await page.goto(session.url('/syria/deserters/compare/2024-04..2025-12/'));
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(
    /deserters: April 2024 compared with December 2025/i,
  );
  const risk = page.getByRole('row', { name: /Level of risk/ });
  expect(await risk.getByRole('cell').nth(2).textContent()).toBe('Changed');
  const cells = await risk.getByRole('cell').allTextContents();
  expect(cells[0]).not.toBe(cells[1]);
  // Findings are listed by their titles, each linked to its anchor in the edition it belongs to.
  const listed = page.locator('.finding-changes > li');
  expect(await listed.count()).toBeGreaterThan(0);
  expect(await listed.first().getByRole('link').getAttribute('href')).toMatch(
    /^\/syria\/2025-12\/deserters\/#finding-|^\/syria\/2024-04\/deserters\/#finding-/,
  );
});

it('the editions box, one step from the top of a profile, leads to the comparison and the history', async () => {
  const page = await session.newPage();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(session.url('/syria/deserters/'));
  // The answers come first; the contents line under them leads to the editions box.
  await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Editions' }).click();
  const box = page.getByRole('navigation', { name: 'Editions of this profile' });
  const top = await box.getByRole('heading').boundingBox();
  expect(top!.y > -1 && top!.y < 800, 'the box is in view (give or take sub-pixel rounding)').toBe(true);
  expect(await box.getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
  await box.getByRole('link', { name: /What changed since/ }).click();
  await page.waitForURL(/\/syria\/deserters\/compare\/\d{4}-\d{2}\.\.2025-12\/$/);
});

it('the date lookup gives the April 2024 edition for 1 October 2024 and the interim one for 1 October 2025', async () => {
  const page = await session.newPage();
  await page.goto(session.url('/syria/'));
  const field = page.getByLabel(/Which edition of the Syria guidance applied on/);
  const answer = page.locator('[data-in-force-result]');
  await field.fill('2024-10-01');
  await page.getByRole('button', { name: 'Show' }).click();
  expect(await answer.textContent()).toMatch(
    /^On 1 October 2024 the April 2024 edition of the Syria guidance was in force/,
  );
  await field.fill('2025-10-01');
  await page.getByRole('button', { name: 'Show' }).click();
  expect(await answer.textContent()).toMatch(
    /^On 1 October 2025 the June 2025 \(interim\) edition of the Syria guidance was in force/,
  );
  expect(await answer.getByRole('link').getAttribute('href')).toBe('/syria/2025-06/');
});

it('without JavaScript the periods in force are a plain list with their editions', async () => {
  const page = await session.newPage();
  await page.goto(session.url('/syria/deserters/history/'));
  const table = page.getByRole('region', { name: /Periods in force of the .*deserters profile/i });
  const rows = await table.getByRole('row').allTextContents();
  expect(rows.some((r) => /April 2024.*15 April 2024.*23 June 2025/.test(r))).toBe(true);
});
