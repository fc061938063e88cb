/**
 * A query over an index in parts keeps to the parts that have every word the site has (src/shared/search-parts-
 * query.ts). The fake below searches as Pagefind searches merged indexes: each part leaves out of the query the words
 * it has no page with, and the results of all parts are put together.
 */
import { describe, expect, it } from 'vitest';
import { keptTo, partsWithEveryWord } from '../../src/shared/search-parts-query.ts';
import { runSearch, type PagefindResponse, type PagefindSearch } from '../../src/shared/search-run.ts';
import { parseState } from '../../src/shared/search-state.ts';
import { PART_FILTER } from '../../src/shared/search-config.ts';

interface FakePage {
  id: string;
  part: string;
  words: string[];
}

type Filter = string | { any?: string[]; not?: string };
const passes = (value: string | undefined, f: Filter) =>
  typeof f === 'string' ? value === f : f.any ? f.any.includes(value ?? '') : value !== f.not;

/** Merged Pagefind indexes, one per part, each page carrying its part as a filter (as `mergeFilter` marks it). */
function partedPagefind(pages: FakePage[], parts: string[]): PagefindSearch & { searches: string[] } {
  const searches: string[] = [];
  return {
    parts,
    searches,
    async search(term, options = {}): Promise<PagefindResponse> {
      searches.push(term ?? '');
      const filters = (options.filters ?? {}) as Record<string, Filter>;
      const found = parts.flatMap((part) => {
        const inPart = pages.filter((p) => p.part === part);
        // Pagefind leaves out each word this index has no page with.
        const words = (term ?? '').split(/\s+/).filter((w) => w && inPart.some((p) => p.words.includes(w)));
        if (term && words.length === 0) return [];
        return inPart.filter((p) => words.every((w) => p.words.includes(w)));
      });
      const shown = found.filter((p) =>
        Object.entries(filters).every(([k, f]) => passes(k === PART_FILTER ? p.part : undefined, f)),
      );
      const counts: Record<string, number> = {};
      for (const p of shown) counts[p.part] = (counts[p.part] ?? 0) + 1;
      return {
        results: shown.map((p) => ({
          id: p.id,
          score: 1,
          data: async () => ({ url: `/${p.id}/`, excerpt: '', meta: {}, sub_results: [] }),
        })),
        unfilteredResultCount: found.length,
        filters: { [PART_FILTER]: counts },
        totalFilters: { [PART_FILTER]: counts },
      };
    },
  };
}

const PAGES: FakePage[] = [
  { id: 'data', part: 'primary', words: ['open', 'data'] },
  { id: 'edition', part: 'part-1', words: ['data', 'edition'] },
  { id: 'deserters', part: 'part-1', words: ['deserters', 'open'] },
];
const PARTS = ['primary', 'part-1'];

describe('a query over an index in parts', () => {
  it('on its own, finds a page of a part that lacks one of its words: that part leaves the word out', async () => {
    // part-1 has no page with "open": it answers "open data" with its pages that have "data".
    const pagefind = partedPagefind(
      PAGES.filter((p) => p.id !== 'deserters'),
      PARTS,
    );
    expect((await pagefind.search('open data'))!.results.map((r) => r.id)).toEqual(['data', 'edition']);
  });

  it('keeps to the parts that have every word, and finds only pages with all of them', async () => {
    // "edition" is in part-1, which has "data" and "open" too: both parts can answer "open data".
    const onlyPrimary = PAGES.filter((p) => p.id !== 'deserters');
    const pagefind = partedPagefind(onlyPrimary, PARTS);
    const within = await partsWithEveryWord(pagefind, PARTS, 'open data');
    expect(within).toEqual(['primary']);
    expect((await keptTo(pagefind, within!).search('open data'))!.results.map((r) => r.id)).toEqual(['data']);
  });

  it('leaves the query alone for one index, one word, or when every part has every word', async () => {
    const pagefind = partedPagefind(PAGES, PARTS);
    expect(await partsWithEveryWord(pagefind, ['primary'], 'open data')).toBeUndefined();
    expect(await partsWithEveryWord(pagefind, PARTS, 'data')).toBeUndefined();
    expect(await partsWithEveryWord(pagefind, PARTS, 'open data')).toBeUndefined();
  });

  it('ignores a word no part has, as one index does', async () => {
    const pagefind = partedPagefind(
      PAGES.filter((p) => p.id !== 'deserters'),
      PARTS,
    );
    expect(await partsWithEveryWord(pagefind, PARTS, 'open data zzyzx')).toEqual(['primary']);
  });

  it('finds nothing when no part has every word, instead of what each part makes of its own words', async () => {
    const pages: FakePage[] = [
      { id: 'a', part: 'primary', words: ['amnesty'] },
      { id: 'b', part: 'part-1', words: ['decree'] },
    ];
    const pagefind = partedPagefind(pages, PARTS);
    expect(await partsWithEveryWord(pagefind, PARTS, 'amnesty decree')).toEqual([]);
    expect((await keptTo(pagefind, []).search('amnesty decree'))!.results).toEqual([]);
  });

  it('is how the search page searches: the same pages as one index would find', async () => {
    const pages = PAGES.filter((p) => p.id !== 'deserters');
    const outcome = await runSearch(
      partedPagefind(pages, PARTS),
      parseState(new URLSearchParams('q=open+data&status=all')),
    );
    expect(outcome.entries.filter((e) => !e.missing).map((e) => e.result.id)).toEqual(['data']);
  });
});
