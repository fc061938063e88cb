/** A reader checks a finding against its source and comes back to the finding. */
import { expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';

const session = useBrowserSession();

it('a reader follows a citation from a finding to its source and back to the finding', async () => {
  const { currentProfile, country } = session.site.pages;
  const profileSlug = currentProfile.split('/').filter(Boolean).pop()!;
  const page = await session.newPage();
  await page.goto(session.url(currentProfile));

  const citation = page.locator('main [id^="finding-"] .cite a').first();
  const findingId = await citation.evaluate((a) => a.closest('[id^="finding-"]')!.id);
  const sourcePath = await citation.getAttribute('href');
  expect(sourcePath).toMatch(/^\/sources\/[a-z0-9-]+\/$/);
  await citation.click();
  await page.waitForURL((u) => u.pathname === sourcePath);

  // The source page lists the finding under the edition permalink of the same profile.
  const back = page.locator(`main a[href^="${country}"][href$="/${profileSlug}/#${findingId}"]`).first();
  expect(await back.count(), `no link back to #${findingId} on ${sourcePath}`).toBe(1);
  await back.click();
  await page.waitForURL((u) => u.hash === `#${findingId}`);

  expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${country}\\d{4}-\\d{2}/${profileSlug}/$`));
  expect(await page.evaluate(() => location.hash)).toBe(`#${findingId}`);
  const finding = page.locator(`[id="${findingId}"]`);
  expect(await finding.count()).toBe(1);
  const box = await finding.boundingBox();
  const viewport = page.viewportSize()!;
  // Scrolled to the top edge, give or take sub-pixel rounding: the finding must overlap the viewport.
  expect(box && box.y + box.height > 0 && box.y < viewport.height, 'the finding is scrolled into view').toBe(true);
});
