/**
 * A caseworker opens a profile to learn its answer: on a phone and on a desktop screen the Article 9 and risk answers
 * are in the first screen, and from the home page a keyboard reaches the risk conclusion's first supporting finding
 * in a few presses. Each conclusion and finding costs one tab stop for its citation controls while they are closed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';

const session = useBrowserSession();

/** The current profiles with conclusions, as the country page's glance table links them. */
async function currentProfiles(page: Page): Promise<string[]> {
  await page.goto(session.url(session.site.pages.country));
  return page
    .locator('.glance tbody tr')
    .filter({ has: page.locator('td[data-label]') })
    .locator('th a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
}

describe.each([
  { width: 375, height: 740 },
  { width: 1280, height: 800 },
])('at $width×$height', ({ width, height }) => {
  it("every current profile's Article 9 and risk answers are inside the first screen", async () => {
    const page = await session.newPage();
    await page.setViewportSize({ width, height });
    const profiles = await currentProfiles(page);
    expect(profiles.length).toBeGreaterThan(0);
    const outside: string[] = [];
    for (const url of profiles) {
      await page.goto(session.url(url));
      for (const key of ['persecution', 'risk']) {
        const answer = page.locator(`.answer-line [data-answer="${key}"]`);
        const box = await answer.boundingBox();
        const text = (await answer.textContent())!;
        // The line's answer is the card's answer.
        expect(text).toContain((await page.locator(`#conclusion-${key} .answer`).textContent())!.trim());
        if (!box || box.y < 0 || box.y + box.height > height || box.x + box.width > width)
          outside.push(`${url} ${key} at y=${box?.y}`);
      }
    }
    expect(outside).toEqual([]);
    await page.close();
  });
});

/** Presses Tab until the focused element matches, counting presses (at most `limit`). */
async function tabTo(
  page: Page,
  matches: (el: Element, arg: string) => boolean,
  arg = '',
  limit = 40,
): Promise<number> {
  const test = `(${matches.toString()})(document.activeElement, ${JSON.stringify(arg)})`;
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(test)) return presses;
  }
  throw new Error(`no match within ${limit} Tab presses`);
}

it("from the home page to the risk conclusion's first supporting finding in at most 12 key presses", async () => {
  const page = await session.newPage();
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(session.url('/'));
  // The deserters profile, as in the issue; a build without it (the fixture) takes its first profile with a risk.
  const riskLinks = await page
    .locator('main a[href$="#conclusion-risk"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const target = riskLinks.find((h) => /\/deserters\/#/.test(h)) ?? riskLinks[0];
  expect(target).toBeDefined();

  let presses = 0;
  presses += await tabTo(page, (el) => el.getAttribute('href') === '#main');
  await page.keyboard.press('Enter');
  presses++;
  presses += await tabTo(page, (el, href) => el.getAttribute('href') === href, target);
  await page.keyboard.press('Enter');
  presses++;
  await page.waitForURL((u) => u.pathname + u.hash === target);

  presses += await tabTo(page, (el) => el === document.querySelector('#conclusion-risk .rests-on a'));
  const finding = await page.evaluate(() => document.activeElement!.getAttribute('href')!);
  await page.keyboard.press('Enter');
  presses++;
  await page.waitForFunction((hash) => location.hash === hash, finding.slice(finding.indexOf('#')));
  const box = (await page.locator(finding.slice(finding.indexOf('#'))).boundingBox())!;
  expect(box.y + box.height > 0 && box.y < 740, 'the finding is scrolled into view').toBe(true);
  expect(presses).toBeLessThanOrEqual(12);
  await page.close();
});

it('each conclusion and finding has one closed "Cite" tab stop, and its permalink is underlined', async () => {
  const page = await session.newPage();
  await page.goto(session.url(session.site.pages.currentProfile));
  const stops = await page.evaluate(() =>
    [...document.querySelectorAll('main .conclusion, main .finding')].map(
      (item) =>
        [...item.querySelectorAll('[data-cite-this] :is(summary, a, button)')].filter((e) => e.checkVisibility())
          .length,
    ),
  );
  expect(stops.length).toBeGreaterThan(0);
  expect(new Set(stops)).toEqual(new Set([1]));

  const cite = page.locator('main .finding [data-cite-this]').first();
  await cite.locator('summary').focus();
  await page.keyboard.press('Enter');
  const permalink = cite.locator('a.permalink');
  await permalink.waitFor({ state: 'visible' });
  const style = await permalink.evaluate((a) => getComputedStyle(a).textDecorationLine);
  expect(style).toContain('underline');
  expect(await cite.getByRole('button').count()).toBe(2);
  await page.close();
});

it('on a phone the glance table is one card per profile with its level of risk in view', async () => {
  const page = await session.newPage();
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(session.url(session.site.pages.country));
  const risks = page.locator('.glance td[data-label="Level of risk"]');
  expect(await risks.count()).toBeGreaterThan(0);
  for (const cell of await risks.all()) {
    await cell.scrollIntoViewIfNeeded();
    const box = (await cell.boundingBox())!;
    expect(box.x >= 0 && box.x + box.width <= 375, 'the risk cell is within the screen').toBe(true);
    expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Level of risk: "');
  }
  await page.close();
});

it('"/" reaches a search box on a phone, where the header hides its box', async () => {
  const page = await session.newPage();
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(session.url(session.site.pages.currentProfile));
  expect(await page.locator('#site-search').isVisible()).toBe(false);
  await page.keyboard.press('/');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
  expect(await page.locator('#site-search').isVisible()).toBe(true);
  await page.keyboard.type('deserter');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname === '/search/' && u.searchParams.get('q') === 'deserter');
  await page.close();
});
