/**
 * axe finds no WCAG 2.2 A/AA violation on any page type (tests/support/site-pages.ts picks one of each), in the light
 * and the dark colour scheme, and on the search page with results shown.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';
import { PAGE_TYPES } from '../support/site-pages.ts';

const session = useBrowserSession();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const TYPES = PAGE_TYPES;

const SCHEMES = ['light', 'dark'] as const;

const describeViolations = (violations: Result[]) =>
  violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`,
    )
    .join('\n');

describe(`every page type passes axe (${TAGS.join(', ')}) on ${session.site.label}`, () => {
  it('axe reports a violation when there is one (the gate is live)', async () => {
    const page = await session.newPage();
    await page.setContent('<!doctype html><html lang="en"><title>probe</title><main><img src="data:,"></main></html>');
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(violations.map((v) => v.id)).toContain('image-alt');
  });

  // Both colour schemes: the dark one follows the system setting (prefers-color-scheme) and has its own colours.
  it.each(SCHEMES.flatMap((scheme) => TYPES.map((type) => [type, scheme] as const)))(
    '%s, %s scheme',
    async (type, scheme) => {
      const path = session.site.pages[type];
      const page = await session.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      const response = await page.goto(session.url(path));
      expect(response?.status(), path).toBe(type === 'notFound' ? 404 : 200);
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
    },
  );

  it.each(SCHEMES)('search results, %s scheme', async (scheme) => {
    const page = await session.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(session.url('/search/?q=deserter&status=all'));
    await page.waitForSelector('.search-main[aria-busy="false"]');
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});
