/** Someone arriving from an old citation learns the guidance was superseded and gets to what applies now. */
import { expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';

const session = useBrowserSession();

it('a reader of a superseded edition is told so and reaches the current guidance', async () => {
  const { supersededProfile, country } = session.site.pages;
  const page = await session.newPage();
  await page.goto(session.url(supersededProfile));

  const notice = page.getByRole('note').filter({ hasText: /superseded/i });
  expect(await notice.isVisible(), `no visible superseded notice on ${supersededProfile}`).toBe(true);
  const toCurrent = notice.getByRole('link', { name: /current guidance/i });
  expect(await toCurrent.count()).toBe(1);
  const target = await toCurrent.getAttribute('href');
  // Either the current version of the same profile, or the country page when the profile was not carried forward.
  const slug = supersededProfile.split('/').filter(Boolean).pop();
  expect([`${country}${slug}/`, country]).toContain(target);

  await toCurrent.click();
  await page.waitForURL((u) => u.pathname === target);
  expect(
    await page
      .getByRole('note')
      .filter({ hasText: /superseded/i })
      .count(),
  ).toBe(0);
  expect(await page.locator('main .status-current').first().textContent()).toBe('Current');
});
