/**
 * How a large site's search index is split (src/integrations/search-parts.ts) and how the search page reads the
 * list of parts (src/client/search/open-index.ts): a site of fewer than 5,000 profile pages is one index; a page keeps its part while the number
 * of parts holds; the search page merges only folders of the form the build writes.
 */
import { describe, expect, it } from 'vitest';
import { MOST_PARTS, PAGES_PER_PART, pagesPerPart, partCount, partOf } from '../../src/integrations/search-parts.ts';
import { partsToMerge } from '../../src/client/search/open-index.ts';
import { partFolder, PART_FOLDER } from '../../src/shared/search-config.ts';

describe('the number of parts', () => {
  it('is one for a site of fewer than 5,000 profile pages, and four at 10,000, unless the site says otherwise', () => {
    expect(pagesPerPart({})).toBe(PAGES_PER_PART);
    expect(partCount(1_000, pagesPerPart({}))).toBe(1);
    expect(partCount(4_999, pagesPerPart({}))).toBe(1);
    expect(partCount(5_000, pagesPerPart({}))).toBe(2);
    expect(partCount(10_000, pagesPerPart({}))).toBe(4);
    expect(partCount(10_000, pagesPerPart({ CG_SEARCH_PAGES_PER_PART: '100000' }))).toBe(1);
  });

  it('is one for a site of up to twice the pages a part holds', () => {
    expect(partCount(40, 128)).toBe(1);
    expect(partCount(255, 128)).toBe(1);
  });

  it('doubles as the site doubles, and stops at the most a phone should load', () => {
    expect(partCount(256, 128)).toBe(2);
    expect(partCount(1000, 128)).toBe(4);
    expect(partCount(10_000, 128)).toBe(MOST_PARTS);
    expect(partCount(10_000_000, 1)).toBe(MOST_PARTS);
    for (const pages of [300, 1000, 5000]) expect(Number.isInteger(Math.log2(partCount(pages, 64)))).toBe(true);
  });

  it('follows CG_SEARCH_PAGES_PER_PART when it is a whole number above zero, and refuses anything else', () => {
    expect(pagesPerPart({ CG_SEARCH_PAGES_PER_PART: '' })).toBe(PAGES_PER_PART);
    expect(pagesPerPart({ CG_SEARCH_PAGES_PER_PART: '1' })).toBe(1);
    for (const bad of ['0', '-4', '1.5', 'lots', '1e3', ' 8'])
      expect(() => pagesPerPart({ CG_SEARCH_PAGES_PER_PART: bad })).toThrow(/CG_SEARCH_PAGES_PER_PART/);
  });
});

describe('the part of a page', () => {
  const files = Array.from({ length: 400 }, (_, i) => `syria/profile-${i}/index.html`);

  it('is the same in every build, and within range', () => {
    for (const f of files) {
      expect(partOf(f, 8)).toBe(partOf(f, 8));
      expect(partOf(f, 8)).toBeGreaterThanOrEqual(0);
      expect(partOf(f, 8)).toBeLessThan(8);
      expect(partOf(f, 1)).toBe(0);
    }
  });

  it('spreads pages evenly enough that no part holds twice its share', () => {
    const sizes = new Array<number>(8).fill(0);
    for (const f of files) sizes[partOf(f, 8)]++;
    expect(Math.max(...sizes)).toBeLessThan((2 * files.length) / 8);
    expect(Math.min(...sizes)).toBeGreaterThan(files.length / 8 / 2);
  });
});

describe('the parts the search page merges', () => {
  it('are the part folders the manifest lists', () => {
    expect(partsToMerge({ merge: [partFolder(1), partFolder(15)] })).toEqual(['part-1/', 'part-15/']);
    expect(PART_FOLDER.test(partFolder(3))).toBe(true);
  });

  it('are none for a missing, empty or malformed manifest: the site is searched as one index', () => {
    for (const manifest of [null, undefined, {}, { merge: 'part-1/' }, [], 42])
      expect(partsToMerge(manifest)).toEqual([]);
  });

  it('never include a path the build does not write: no other folder, origin or parent', () => {
    const hostile = [
      '../',
      '/pagefind/',
      'https://example.org/pagefind/',
      '//example.org/',
      'part-1/../../',
      'part-01/',
      'part-1',
      'part-1/x/',
      'javascript:alert(1)//',
      { toString: () => 'part-1/' },
    ];
    expect(partsToMerge({ merge: hostile })).toEqual([]);
  });
});
