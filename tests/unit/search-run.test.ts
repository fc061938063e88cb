/**
 * The search page's orchestration against a fake Pagefind: a handful of pages searched the way Pagefind searches
 * (a page matches when it contains every word of the term; filters narrow; counts are of the matching pages).
 */
import { describe, expect, it } from 'vitest';
import {
  countsApply,
  optionCount,
  runSearch,
  wantsSearch,
  type PagefindResponse,
  type PagefindSearch,
} from '../../src/shared/search-run.ts';
import { parseState } from '../../src/shared/search-state.ts';
import type { Vocabulary } from '../../src/shared/search-names.ts';

interface FakePage {
  id: string;
  words: string[];
  score: number;
  filters: Record<string, string>;
  meta?: Record<string, string>;
}

type Filter = string | { any?: string[]; not?: string };

const passes = (value: string | undefined, filter: Filter) =>
  typeof filter === 'string'
    ? value === filter
    : filter.any
      ? filter.any.includes(value ?? '')
      : filter.not !== undefined && value !== filter.not;

/** A Pagefind over `pages` that records every search it is asked. */
function fakePagefind(pages: FakePage[]): PagefindSearch & { calls: { term: string | null; filters: object }[] } {
  const calls: { term: string | null; filters: object }[] = [];
  return {
    calls,
    async search(term, options = {}): Promise<PagefindResponse> {
      const filters = (options.filters ?? {}) as Record<string, Filter>;
      calls.push({ term, filters });
      const words = term ? term.toLowerCase().split(/\s+/) : [];
      const matching = pages.filter((p) => words.every((w) => p.words.some((x) => x.startsWith(w))));
      const shown = matching.filter((p) => Object.entries(filters).every(([k, f]) => passes(p.filters[k], f)));
      const counts: Record<string, Record<string, number>> = {};
      for (const p of shown) {
        for (const [k, v] of Object.entries(p.filters)) (counts[k] ??= {})[v] = (counts[k][v] ?? 0) + 1;
      }
      return {
        results: [...shown]
          .sort((a, b) => b.score - a.score)
          .map((p) => ({
            id: p.id,
            score: p.score,
            data: async () => ({
              url: `/${p.id}/`,
              excerpt: '',
              meta: p.meta ?? {},
              filters: Object.fromEntries(Object.entries(p.filters).map(([k, v]) => [k, [v]])),
              sub_results: [],
            }),
          })),
        unfilteredResultCount: matching.length,
        filters: counts,
        totalFilters: {},
      };
    },
  };
}

const page = (
  id: string,
  words: string,
  score: number,
  filters: Record<string, string>,
  meta?: Record<string, string>,
) => ({
  id,
  words: words.split(' '),
  score,
  filters,
  meta: meta ?? { kind: filters.kind },
});

const PAGES: FakePage[] = [
  page('deserters', 'deserters military service punishment amnesty', 5, {
    kind: 'Profile',
    country: 'Syria',
    status: 'current',
  }),
  page('deserters-2024', 'deserters military service punishment', 4, {
    kind: 'Profile',
    country: 'Syria',
    status: 'superseded',
  }),
  page('amnesty-news', 'amnesty decree deserters news', 8, { kind: 'Source' }, { kind: 'Source', cite: 'SANA 2025' }),
  page('returnees', 'returnees airport arrested', 6, { kind: 'Profile', country: 'Syria', status: 'current' }),
  page('airport-report', 'airport checks report', 3, { kind: 'Source' }),
];

const state = (query: string) => parseState(new URLSearchParams(query));
const ids = async (o: Awaited<ReturnType<typeof runSearch>>) =>
  Promise.all(o.entries.map(async (e) => (await e.result.data()).url));

describe('runSearch: the main query', () => {
  it('searches the meaningful words within current guidance, and finds every page that has them all', async () => {
    const pf = fakePagefind(PAGES);
    const o = await runSearch(pf, state('q=the deserters'));
    expect(pf.calls[0]).toEqual({ term: 'deserters', filters: { status: { not: 'superseded' } } });
    expect(o.exactCount).toBe(2);
    expect(o.relaxation).toBeUndefined();
    expect(o.entries.every((e) => e.missing === undefined)).toBe(true);
  });

  it('counts the results left out for being in superseded editions, only when they are left out', async () => {
    expect((await runSearch(fakePagefind(PAGES), state('q=deserters'))).supersededMore).toBe(1);
    expect((await runSearch(fakePagefind(PAGES), state('q=deserters&status=all'))).supersededMore).toBe(0);
  });

  it('with filters alone (no words), lists every page they allow', async () => {
    const o = await runSearch(fakePagefind(PAGES), state('kind=Source'));
    expect(await ids(o)).toEqual(['/amnesty-news/', '/airport-report/']);
  });

  it('fails loudly when Pagefind returns no response', async () => {
    await expect(runSearch({ search: async () => null }, state('q=deserters'))).rejects.toThrow('no response');
  });
});

describe('runSearch: guidance first', () => {
  it('ranks a profile above a source with the same words, though Pagefind scored the source higher', async () => {
    const o = await runSearch(fakePagefind(PAGES), state('q=deserters amnesty'));
    expect(await ids(o)).toEqual(['/deserters/', '/amnesty-news/']);
  });

  it('keeps a source first when the query names it by its citation', async () => {
    const pages = [...PAGES, page('sana-profile', 'sana 2025', 5, { kind: 'Profile', status: 'current' })];
    const named = pages.map((p) => (p.id === 'amnesty-news' ? { ...p, words: [...p.words, 'sana', '2025'] } : p));
    const o = await runSearch(fakePagefind(named), state('q=SANA 2025'));
    expect(await ids(o)).toEqual(['/amnesty-news/', '/sana-profile/']);
  });
});

describe('runSearch: filter counts', () => {
  it("counts each group's options as if the group's own boxes were not ticked", async () => {
    const pf = fakePagefind(PAGES);
    const o = await runSearch(pf, state('q=deserters&kind=Source'));
    // Ticking "Source" must not make "Profile" count 0: a second box widens the results.
    expect(optionCount(o.counts, 'kind:Profile')).toBe(1);
    expect(optionCount(o.counts, 'kind:Source')).toBe(1);
    expect(pf.calls.map((c) => c.filters)).toContainEqual({ status: { not: 'superseded' } });
  });

  it('the "include superseded" option counts the superseded results it would add', async () => {
    const o = await runSearch(fakePagefind(PAGES), state('q=deserters'));
    expect(optionCount(o.counts, 'status:superseded')).toBe(1);
    expect(optionCount(o.counts, 'country:Nowhere')).toBe(0);
  });

  it('an option value with a colon is read whole', () => {
    expect(optionCount({ edition: { 'Note: 2024': 2 } }, 'edition:Note: 2024')).toBe(2);
  });
});

describe('runSearch: relaxation of questions', () => {
  it('a question that finds nothing shows the pages with some of its words, most matching first', async () => {
    const o = await runSearch(fakePagefind(PAGES), state('q=what happens to a deserter arrested at the airport'));
    expect(o.exactCount).toBe(0);
    expect(o.relaxation?.plan.ignored).toEqual(['what', 'happens', 'to', 'a', 'at', 'the']);
    expect(o.relaxation?.unknown).toEqual([]);
    expect(await ids(o)).toEqual(['/returnees/', '/amnesty-news/', '/deserters/', '/airport-report/']);
    expect(o.entries.map((e) => e.missing)).toEqual([
      ['deserter'],
      ['arrested', 'airport'],
      ['arrested', 'airport'],
      ['deserter', 'arrested'],
    ]);
    expect(countsApply(o)).toBe(false);
  });

  it('puts relaxed pages after the exact matches, without repeating them', async () => {
    const o = await runSearch(fakePagefind(PAGES), state('q=airport arrested'));
    expect(o.exactCount).toBe(1);
    expect(await ids(o)).toEqual(['/returnees/', '/airport-report/']);
    expect(o.entries[0].missing).toBeUndefined();
  });

  it('names a word no page contains', async () => {
    const o = await runSearch(fakePagefind(PAGES), state('q=deserter amnestyy'));
    expect(o.relaxation?.unknown).toEqual(['amnestyy']);
  });

  it('asks the size of the index once per page, not once per search', async () => {
    const pf = fakePagefind(PAGES);
    const memo = {};
    await runSearch(pf, state('q=airport arrested'), memo);
    await runSearch(pf, state('q=airport punishment'), memo);
    expect(pf.calls.filter((c) => c.term === null && Object.keys(c.filters).length === 0)).toHaveLength(1);
    expect(memo).toEqual({ totalPages: PAGES.length });
  });

  it('does not relax a query with enough exact results, nor a single word', async () => {
    const many = Array.from({ length: 3 }, (_, i) => page(`d${i}`, 'deserters airport', 1, { kind: 'Profile' }));
    expect((await runSearch(fakePagefind(many), state('q=deserters airport'))).relaxation).toBeUndefined();
    const o = await runSearch(fakePagefind(PAGES), state('q=zzz'));
    expect(o.entries).toEqual([]);
    expect(o.relaxation).toBeUndefined();
    expect(countsApply(o)).toBe(true);
  });
});

describe('wantsSearch', () => {
  it('an empty box with no filter ticked shows the help instead of searching', () => {
    expect(wantsSearch(state(''))).toBe(false);
    expect(wantsSearch(state('status=all'))).toBe(false);
    expect(wantsSearch(state('country=Syria'))).toBe(true);
    expect(wantsSearch(state('q=x'))).toBe(true);
  });
});

describe('runSearch: what the query names', () => {
  const profile = (id: string, words: string, score: number, name: string, edition: string, status: string) =>
    page(
      id,
      `${words} ${name.toLowerCase()}`,
      score,
      { kind: 'Profile', profile: name, edition, status },
      {
        kind: 'Profile',
        edition,
        status,
      },
    );
  const NAMED: FakePage[] = [
    profile('returnees', 'detained airport', 2, 'Returnees', 'December 2025', 'current'),
    profile('returnees-2024', 'detention airport', 3, 'Returnees', 'April 2024', 'superseded'),
    profile('deserters', 'risk amnesty', 5, 'Deserters', 'December 2025', 'current'),
    profile('deserters-2024', 'risk april 2024', 4, 'Deserters', 'April 2024', 'superseded'),
    page('overview', 'returnees detention deserters risk', 9, { kind: 'Country overview', status: 'current' }),
    page(
      'cpin',
      'returnees detention report',
      12,
      { kind: 'Source' },
      { kind: 'Source', cite: 'UK CPIN Returnees 2025' },
    ),
  ];
  const vocabulary: Vocabulary = {
    profiles: [
      { label: 'Returnees', name: 'returnees' },
      { label: 'Deserters', name: 'deserters' },
    ],
    editions: [
      { label: 'April 2024', current: false },
      { label: 'December 2025', current: true },
    ],
  };
  const run = (q: string) => runSearch(fakePagefind(NAMED), state(q), {}, vocabulary);

  it('a named profile comes first, with the word it lacks, though Pagefind did not return it', async () => {
    const o = await run('q=returnees detention');
    expect(await ids(o)).toEqual(['/returnees/', '/overview/', '/cpin/']);
    expect(o.entries[0].missing).toEqual(['detention']);
    expect(o.exactCount).toBe(2);
  });

  it('a named superseded edition is searched too, and its page of the named profile comes first', async () => {
    const o = await run('q=deserters risk april 2024');
    expect((await ids(o))[0]).toBe('/deserters-2024/');
    expect(o.entries[0].missing).toBeUndefined();
  });

  it('only its guidance: the superseded edition’s document is still left out of current guidance', async () => {
    const doc = page('cg-2024', 'euaa guidance april 2024', 20, {
      kind: 'Source',
      edition: 'April 2024',
      status: 'superseded',
    });
    const o = await runSearch(fakePagefind([...NAMED, doc]), state('q=april 2024'), {}, vocabulary);
    expect(await ids(o)).toEqual(['/deserters-2024/']);
  });

  it('a profile page lacking more than one word is not lifted: only the relaxed search may add it, after', async () => {
    const o = await run('q=returnees detention report');
    expect(o.exactCount).toBe(1);
    expect((await ids(o))[0]).toBe('/cpin/');
  });

  it('names nothing when a filter is ticked', async () => {
    expect(await ids(await run('q=returnees detention&kind=Source'))).toEqual(['/cpin/']);
  });
});
