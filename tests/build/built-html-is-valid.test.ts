/**
 * Every built page is valid HTML by html-validate's recommended rules (.htmlvalidate.json).
 *
 * Two rules differ from the preset:
 * - long-title is off. Page titles name the profile, its edition and the country, so that tabs, bookmarks and
 *   screen readers' page announcements identify the page (WCAG 2.4.2); official profile names alone can exceed the
 *   rule's 70 characters, a limit that exists for search-engine snippets.
 * - form-dup-name lets checkboxes share a name: a group of filter checkboxes submits `?kind=a&kind=b`, as HTML
 *   forms are meant to.
 */
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../../scripts/lib/built-pages.ts';
import { ROOT } from '../support/run-build.ts';

// Without a loader, HtmlValidate uses the preset alone and ignores .htmlvalidate.json.
const htmlvalidate = new HtmlValidate(new FileSystemConfigLoader());
const stylish = formatterFactory('stylish');

describe('every built page is valid HTML', () => {
  it('the project configuration catches invalid HTML (the gate is live)', async () => {
    const report = await htmlvalidate.validateString(
      '<main><p><div>block in a paragraph</div></p></main>',
      join(ROOT, 'tmp/probe.html'),
    );
    expect(report.valid).toBe(false);
  });

  it('the project configuration (.htmlvalidate.json) is the one applied', async () => {
    const page = `<!DOCTYPE html><html lang="en"><head><title>${'A long official profile name '.repeat(4)}</title></head><body><main></main></body></html>`;
    const report = await htmlvalidate.validateString(page, join(ROOT, 'tmp/probe.html'));
    expect(report.valid, stylish(report.results)).toBe(true);
  });

  it.each([
    ['the site built from content/', inject('siteDir'), 10],
    ['the valid fixture', inject('fixtureSiteDir'), 15],
  ])('%s', async (_label, dir, atLeast) => {
    const files = listFiles(dir, '.html').map((f) => join(dir, f));
    expect(files.length).toBeGreaterThanOrEqual(atLeast);
    const report = await htmlvalidate.validateMultipleFiles(files);
    expect(report.valid, stylish(report.results)).toBe(true);
  });
});
