/**
 * A lawyer copies the citation of a conclusion, pastes it into a submission, and a reader follows its permalink back
 * to that conclusion as it stood in that edition. At desktop width with the pointer, and at 375px by keyboard.
 */
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/shared/dates.ts';
import { localDay } from '../../src/shared/citation.ts';
import { siteUrl } from '../../src/site/site-url.ts';
import { useBrowserSession } from '../support/browser-session.ts';
import { exists, loadPage } from '../support/built-html.ts';

const session = useBrowserSession();

/** A current profile page with conclusions (the first linked profile may be background without any). */
function profileWithConclusions(): string {
  const { dir, pages } = session.site;
  const segments = (u: string) => u.split('/').filter(Boolean);
  const candidates = loadPage(dir, pages.country)
    .links()
    .map((l) => l.href)
    .filter(
      (h) =>
        h.startsWith(pages.country) &&
        segments(h).length === 2 &&
        !/^\d{4}-\d{2}$/.test(segments(h)[1]) &&
        exists(dir, h),
    );
  const found = candidates.find((h) =>
    loadPage(dir, h)
      .all('section')
      .some((s) => s.attribs.class === 'conclusion'),
  );
  if (!found) throw new Error(`no current profile with conclusions linked from ${pages.country}`);
  return found;
}

const VIEWPORTS = [
  { name: 'desktop, pointer', width: 1280, height: 800, keyboard: false },
  { name: '375px, keyboard', width: 375, height: 740, keyboard: true },
];

describe('copying the citation of a conclusion and following its permalink back', () => {
  it.each(VIEWPORTS)('$name', async ({ width, height, keyboard }) => {
    const page = await session.newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.origin() });
    await page.setViewportSize({ width, height });
    await page.goto(session.url(profileWithConclusions()));

    const conclusion = page.locator('main section.conclusion').first();
    const conclusionId = await conclusion.getAttribute('id');
    const heading = (await conclusion.locator('h3 > span[id]').textContent())!.trim();
    // The citation controls are folded into one "Cite" disclosure after the conclusion's answer.
    const summary = conclusion.locator('summary', { hasText: 'Cite' });
    const button = conclusion.getByRole('button', { name: `Copy citation of conclusion: ${heading}` });
    expect(await button.isVisible()).toBe(false);
    if (keyboard) {
      await summary.focus();
      await page.keyboard.press('Enter');
      await button.waitFor({ state: 'visible' });
      await button.focus();
      await page.keyboard.press('Enter');
    } else {
      await summary.click();
      await button.click();
    }

    await expect.poll(() => page.locator('[role="status"]').textContent()).toBe('Citation copied');

    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const today = formatDate(localDay(new Date()));
    expect(copied).toContain(`Conclusion: ${heading}.`);
    expect(copied).toMatch(/ edition, \d{1,2} [A-Z][a-z]+ \d{4}\. /);
    expect(copied).toContain(`(accessed ${today}).`);
    // The copied text is the text a reader without the button can select.
    expect(copied).toBe((await conclusion.locator('[data-citation="plain"]').textContent())!.trim());

    const permalink = new URL(copied.match(/ (https?:\/\/\S+) \(accessed/)![1]);
    expect(permalink.origin).toBe(new URL(siteUrl()).origin);
    expect(permalink.hash).toBe(`#${conclusionId}`);
    const [, editionLabel] = copied.match(/\. ([^.]+) edition, /)!;

    // The citation's permalink and the permanent link shown in the disclosure are the same.
    const visible = conclusion.getByRole('link', { name: `Permalink to conclusion: ${heading}` });
    expect(await visible.getAttribute('href')).toBe(permalink.pathname + permalink.hash);

    await page.goto(session.url(permalink.pathname + permalink.hash));
    const target = page.locator(`[id="${conclusionId}"]`);
    expect(await target.locator('h3 > span[id]').textContent()).toBe(heading);
    expect(await page.locator('main .meta').textContent()).toContain(`${editionLabel} edition`);
    const box = (await target.boundingBox())!;
    expect(box.y + box.height > 0 && box.y < height, 'the conclusion is scrolled into view').toBe(true);
  });
});
