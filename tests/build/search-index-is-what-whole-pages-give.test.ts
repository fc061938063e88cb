/**
 * Pagefind is handed each built page without the ignored parts that cannot reach the index (src/integrations/
 * search-input.ts). On the real site and the fixture, the index it writes from what it is handed is the index it
 * writes from the whole pages, file for file and byte for byte: the cut saves Pagefind time and changes no search.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { searchablePages } from '../../src/integrations/searchable-pages.ts';
import { searchInput } from '../../src/integrations/search-input.ts';
import { outputFiles } from '../../src/prerender-tap/output-on-disk.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Pagefind's index of `pages` (path → HTML, in that order): file → bytes. */
async function indexOf(pages: [string, string][]): Promise<Record<string, Buffer>> {
  const out = mkdtempSync(join(tmpdir(), 'cg-whole-pages-'));
  made.push(out);
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
  for (const [sourcePath, content] of pages)
    expect((await index!.addHTMLFile({ sourcePath, content })).errors).toEqual([]);
  expect((await index!.writeFiles({ outputPath: out })).errors).toEqual([]);
  await index!.deleteIndex();
  return Object.fromEntries(outputFiles(out).map((f) => [f, readFileSync(join(out, f))]));
}

describe.each([
  ['the real site', () => inject('siteDir')],
  ['the valid fixture', () => inject('fixtureSiteDir')],
])('the search index of %s', (_, dirOf) => {
  it('is the same from what Pagefind is handed as from the whole pages', async () => {
    const dir = dirOf();
    const whole = [...searchablePages(dir).keys()].map((f): [string, string] => [
      f,
      readFileSync(join(dir, f), 'utf8'),
    ]);
    const handed = whole.map(([f, html]): [string, string] => [f, searchInput(html)]);
    const length = (pages: [string, string][]) => pages.reduce((n, [, html]) => n + html.length, 0);
    // The cut is in effect: most of a profile page is citation forms, references and navigation Pagefind ignores.
    expect(length(handed)).toBeLessThan(length(whole) * 0.8);
    expect(await indexOf(handed)).toEqual(await indexOf(whole));
  });
});
