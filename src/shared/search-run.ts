/**
 * What the search page shows for one search, decided without a DOM: the main query, the count of each filter
 * option, the relaxation of a question that found too little (search-relax.ts), the merge of its pages after the
 * exact ones, and guidance ranked above sources (search-rank.ts).
 *
 * Pure apart from the searches it asks of `pagefind`, so a fake Pagefind tests it without a browser
 * (tests/unit/search-run.test.ts). The custom element (scripts/search-element.ts) only draws what this returns.
 */
import { MIN_RESULTS } from './search-config.ts';
import { FACET_KEYS } from './search-facets.ts';
import { preferGuidance, RERANK_DEPTH } from './search-rank.ts';
import { namesIn, type Named, type Vocabulary } from './search-names.ts';
import { namedPages } from './search-named-pages.ts';
import {
  canRelax,
  planRelaxation,
  rankByCoverage,
  searchTerm,
  type RelaxationPlan,
  type WordHits,
} from './search-relax.ts';
import { hasFacetFilters, pagefindFilters, type SearchState } from './search-state.ts';
import { keptTo, partsWithEveryWord } from './search-parts-query.ts';

// The parts of Pagefind's JS API the search page uses (pagefind_web_js/types/index.d.ts, 1.6.0).

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations?: { weight: number; balanced_score: number; location: number }[];
}
export interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[] | undefined>;
  sub_results: PagefindSubResult[];
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}
export type FilterCounts = Record<string, Record<string, number>>;
export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}
/** What the orchestration asks of Pagefind: searches, nothing else; and of an index in parts, their names. */
export interface PagefindSearch {
  search(term: string | null, options?: { filters?: object }): Promise<PagefindResponse | null>;
  /** The parts merged (src/shared/search-parts-query.ts); none or one: the index is whole. */
  readonly parts?: readonly string[];
}

/** One line of the result list: a page, and for a relaxed match the reader's words it lacks. */
export interface Entry {
  result: PagefindResult;
  missing?: string[];
}

/** What the relaxed search did, for the sentence that tells the reader (search-messages.ts describeRelaxation). */
export interface Relaxation {
  plan: RelaxationPlan;
  /** Words no page contains at all. */
  unknown: string[];
}

/** What to show for one search. */
export interface SearchOutcome {
  state: SearchState;
  /** The exact matches (guidance first), then the relaxed ones, most matching first. */
  entries: Entry[];
  exactCount: number;
  relaxation?: Relaxation;
  /** Results left out because they are in superseded editions (only when current guidance alone is searched). */
  supersededMore: number;
  /** Pages per filter option; each group's counts ignore the group's own selection. */
  counts: FilterCounts;
}

/** Remembered between the searches of one page: pages in the index (asked once, for the weight of a word). */
export interface SearchMemo {
  totalPages?: number;
}

/** Whether a state asks for a search at all: words typed or a filter ticked. Otherwise the page shows its help. */
export function wantsSearch(state: SearchState): boolean {
  return state.q !== '' || hasFacetFilters(state);
}

async function search(pagefind: PagefindSearch, term: string | null, filters: object): Promise<PagefindResponse> {
  const response = await pagefind.search(term, { filters });
  if (!response) throw new Error('Pagefind returned no response');
  return response;
}

/** Runs the searches of one state: the query, the counts of each filter group, and, if needed, the relaxation. */
export async function runSearch(
  index: PagefindSearch,
  s: SearchState,
  memo: SearchMemo = {},
  vocabulary?: Vocabulary,
): Promise<SearchOutcome> {
  const term = s.q ? searchTerm(s.q) : null;
  // Searches of the whole term keep to the parts that can hold all its words; a word searched alone needs no care.
  const within = await partsWithEveryWord(index, index.parts ?? [], term);
  const pagefind = within ? keptTo(index, within) : index;
  const main = await search(pagefind, term, pagefindFilters(s));
  const counts = await filterCounts(pagefind, term, s, main);
  const supersededMore = s.status === 'current' ? (counts.status?.superseded ?? 0) : 0;
  const named: Named = s.q && !hasFacetFilters(s) ? namesIn(s.q, vocabulary) : { profiles: [] };
  const extra = await namedPages(pagefind, term, s, named, main.results);
  const found = [...main.results, ...extra.results];
  const ranked = s.q ? await guidanceFirst(found, s.q, named) : found;
  const entries: Entry[] = ranked.map((result) => ({ result, missing: extra.missing.get(result.id) }));
  const outcome: SearchOutcome = {
    state: s,
    entries,
    exactCount: found.length - extra.missing.size,
    supersededMore,
    counts,
  };
  if (s.q && found.length < MIN_RESULTS && canRelax(s.q)) {
    const relaxed = await relax(index, s, found, memo);
    entries.push(...relaxed.entries);
    if (relaxed.entries.length || relaxed.relaxation.unknown.length) outcome.relaxation = relaxed.relaxation;
  }
  return outcome;
}

/**
 * Counts per filter group, each ignoring the group's own selection: ticking a second box widens, it does not
 * narrow. Groups with nothing ticked take the main query's counts; `status` is always searched without its choice.
 */
async function filterCounts(
  pagefind: PagefindSearch,
  term: string | null,
  s: SearchState,
  main: PagefindResponse,
): Promise<FilterCounts> {
  const keys = [...FACET_KEYS.filter((k) => s.filters[k].length > 0), 'status' as const];
  const others = await Promise.all(keys.map((key) => search(pagefind, term, pagefindFilters(s, key))));
  const counts: FilterCounts = { ...main.filters };
  keys.forEach((key, i) => (counts[key] = others[i].filters[key] ?? {}));
  return counts;
}

/**
 * Pagefind's results with guidance before sources for the same match (search-rank.ts). Only the head is
 * re-ranked: it needs each result's metadata, which the first page of results loads anyway.
 */
async function guidanceFirst(results: PagefindResult[], query: string, named: Named): Promise<PagefindResult[]> {
  const head = await Promise.all(
    results.slice(0, RERANK_DEPTH).map(async (result) => {
      const { meta, filters } = await result.data();
      const { kind, cite, edition, status } = meta;
      return { result, score: result.score, kind, cite, edition, status, profiles: filters?.profile };
    }),
  );
  return [...preferGuidance(head, query, named).map((x) => x.result), ...results.slice(RERANK_DEPTH)];
}

/** Searches each meaningful word of the query alone, and ranks the pages not already found by how many they hold. */
async function relax(
  pagefind: PagefindSearch,
  s: SearchState,
  exact: PagefindResult[],
  memo: SearchMemo,
): Promise<{ entries: Entry[]; relaxation: Relaxation }> {
  const plan = planRelaxation(s.q);
  memo.totalPages ??= (await search(pagefind, null, {})).unfilteredResultCount;
  const byId = new Map<string, PagefindResult>();
  const perWord: WordHits[] = await Promise.all(
    plan.words.map(async (word) => {
      const r = await search(pagefind, word, pagefindFilters(s));
      for (const x of r.results) byId.set(x.id, x);
      const hits = r.results.map((x) => ({ id: x.id, score: x.score }));
      return { word, pagesWithWord: r.unfilteredResultCount, hits };
    }),
  );
  const unknown = perWord.filter((w) => w.pagesWithWord === 0).map((w) => w.word);
  const ranked = rankByCoverage(perWord, memo.totalPages, new Set(exact.map((r) => r.id)));
  return {
    entries: ranked.map((hit) => ({ result: byId.get(hit.id)!, missing: hit.missing })),
    relaxation: { plan, unknown },
  };
}

/** Whether the filter counts apply: they count pages with every word, so beside relaxed results they would mislead. */
export function countsApply(o: SearchOutcome): boolean {
  return o.entries.length === o.exactCount;
}

/**
 * The count shown beside one filter option, named as in its `data-count` attribute ("kind:Profile"). The
 * "Include superseded editions" option (`status:superseded`) counts the superseded results it would add.
 */
export function optionCount(counts: FilterCounts, option: string): number {
  const [key, ...rest] = option.split(':');
  const value = rest.join(':');
  return key === 'status' ? (counts.status?.superseded ?? 0) : (counts[key]?.[value] ?? 0);
}
