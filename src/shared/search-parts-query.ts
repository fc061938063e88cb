/**
 * A query over a search index in parts (src/integrations/search-parts.ts), kept to the parts that can answer it.
 * Pagefind leaves out of a query every word an index does not have at all. One index leaves out only words the
 * whole site lacks; a part that lacks a word other parts have would answer with pages that hold only the other words,
 * which one index never finds. Each part's pages carry the PART_FILTER, so a search of each word alone tells which
 * parts have it, and the query is kept to the parts that have every word the site has: only there can a page hold
 * them all. Pure apart from the searches it asks of `pagefind`.
 */
import { PART_FILTER } from './search-config.ts';
import type { PagefindResponse, PagefindSearch } from './search-run.ts';

const NOTHING: PagefindResponse = { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {} };

/**
 * The parts that have every word of `term` that any part has, or undefined when every part can answer: an index
 * in one part, a term of one word, or every part has every word.
 */
export async function partsWithEveryWord(
  pagefind: PagefindSearch,
  parts: readonly string[],
  term: string | null,
): Promise<string[] | undefined> {
  const words = [...new Set(term?.split(/\s+/).filter(Boolean) ?? [])];
  if (parts.length < 2 || words.length < 2) return undefined;
  let within = [...parts];
  for (const response of await Promise.all(words.map((word) => pagefind.search(word, { filters: {} })))) {
    const counts = response?.filters[PART_FILTER] ?? {};
    const having = parts.filter((part) => (counts[part] ?? 0) > 0);
    // A word no part has is left out by every part alike, as by one index.
    if (having.length) within = within.filter((part) => having.includes(part));
  }
  return within.length === parts.length ? undefined : within;
}

/** `pagefind` with every search kept to the parts `within`; a search kept to no part finds nothing. */
export function keptTo(pagefind: PagefindSearch, within: readonly string[]): PagefindSearch {
  return {
    search: async (term, options = {}) =>
      within.length === 0
        ? NOTHING
        : pagefind.search(term, { ...options, filters: { ...options.filters, [PART_FILTER]: { any: [...within] } } }),
  };
}
