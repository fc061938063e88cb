/**
 * Reflow (WCAG 2.2 SC 1.4.10): on a phone (320 and 375 CSS px) and at 200% zoom of a 1280 px window (640 CSS px),
 * no page scrolls sideways. axe cannot see this, so every page type is opened at each width and measured: the
 * document is no wider than the window, and no element sticks out past its right edge, except inside a table's own
 * scrolling box (components/TableScroll.astro), which must be a focusable, named region with its first column kept
 * in view.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../scripts/lib/built-pages.ts';
import { urlOfFile } from '../../src/shared/urls.ts';
import { loadPage, textOf } from '../support/built-html.ts';
import { useBrowserSession } from '../support/browser-session.ts';
import { PAGE_TYPES } from '../support/site-pages.ts';

const session = useBrowserSession();
const WIDTHS = [320, 375, 640];
const TYPES = PAGE_TYPES;

/** The source page with the longest unbreakable run of text (usually a URL): the hardest case for reflow. */
function longestWordSource(dir: string): string | undefined {
  const longest = (url: string) =>
    Math.max(
      0,
      ...textOf(loadPage(dir, url).all('main')[0])
        .split(' ')
        .map((w) => w.length),
    );
  const sources = listFiles(dir, '.html')
    .map(urlOfFile)
    .filter((u) => /^\/sources\/[^/]+\/$/.test(u));
  return sources.map((u) => [u, longest(u)] as const).sort((a, b) => b[1] - a[1])[0]?.[0];
}

const PAGES: [string, string][] = [
  ...TYPES.map((t) => [t, session.site.pages[t]] as [string, string]),
  ['source with the longest URL', longestWordSource(session.site.dir) ?? session.site.pages.source],
  ['search results', '/search/?q=deserter&status=all'],
];

interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  /** Elements whose right edge is past the window's, outside a table's scrolling box. */
  sticking: string[];
}

async function measure(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const hidden = (e: Element) => e.closest('.visually-hidden, .skip-link, [hidden]') !== null;
    const sticking = [...document.querySelectorAll('body *')]
      .filter((e) => !e.closest('.table-scroll') && !hidden(e) && e.getBoundingClientRect().right > innerWidth + 0.5)
      .map(
        (e) =>
          `<${e.tagName.toLowerCase()} class="${e.className}"> right edge at ${Math.round(e.getBoundingClientRect().right)}`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, sticking: sticking.slice(0, 5) };
  });
}

async function open(path: string, width: number): Promise<Page> {
  const page = await session.newPage();
  await page.setViewportSize({ width, height: 700 });
  await page.goto(session.url(path));
  if (path.startsWith('/search/?')) await page.waitForSelector('.search-main[aria-busy="false"]');
  return page;
}

describe(`no page scrolls sideways on ${session.site.label}`, () => {
  it('the measure catches a page that does (a long URL in a 1fr grid column)', async () => {
    const page = await session.newPage();
    await page.setViewportSize({ width: 320, height: 700 });
    await page.setContent(`<!doctype html><html lang="en"><body style="margin:0"><dl style="display:grid;grid-template-columns:max-content 1fr">
      <dt>URL</dt><dd>https://example.org/${'LongUnbrokenPathSegment'.repeat(6)}</dd></dl></body></html>`);
    const o = await measure(page);
    expect(o.scrollWidth).toBeGreaterThan(o.innerWidth);
    expect(o.sticking.length).toBeGreaterThan(0);
    await page.close();
  });

  for (const width of WIDTHS) {
    it.each(PAGES)(`%s at ${width} px`, async (_type, path) => {
      const page = await open(path, width);
      const o = await measure(page);
      expect(o.scrollWidth, `${path} is ${o.scrollWidth} px wide in a ${width} px window`).toBeLessThanOrEqual(
        o.innerWidth,
      );
      expect(o.sticking, path).toEqual([]);
      await page.close();
    });
  }
});

describe('a wide table scrolls in its own box, with its name and first column kept', () => {
  it.each(['country', 'history', 'sources', 'law'] as const)('%s', async (type) => {
    const path = session.site.pages[type];
    const page = await open(path, 320);
    const boxes = await page.locator('.table-scroll').evaluateAll((els) =>
      els.map((box) => {
        const first = box.querySelector('tbody tr > :first-child')!;
        const before = first.getBoundingClientRect().left;
        box.scrollLeft = box.scrollWidth;
        return {
          // A <section> with a name is a region landmark.
          role:
            box.getAttribute('role') ?? (box.tagName === 'SECTION' && box.hasAttribute('aria-label') ? 'region' : null),
          name: box.getAttribute('aria-label') ?? '',
          tabindex: box.getAttribute('tabindex'),
          scrolls: box.scrollWidth > box.clientWidth,
          firstColumnMoved: Math.abs(first.getBoundingClientRect().left - before),
        };
      }),
    );
    expect(boxes.length, `${path} has a table`).toBeGreaterThan(0);
    for (const b of boxes) {
      expect(b).toMatchObject({ role: 'region', tabindex: '0' });
      expect(b.name.length).toBeGreaterThan(0);
    }
    // Scrolled to its end, a box that scrolls keeps its first column (the row's name) where it was.
    const scrolling = boxes.filter((b) => b.scrolls);
    expect(scrolling.length, `${path} has a table wider than 320 px`).toBeGreaterThan(0);
    expect(scrolling.map((b) => b.firstColumnMoved).filter((moved) => moved >= 1)).toEqual([]);
    await page.close();
  });
});
