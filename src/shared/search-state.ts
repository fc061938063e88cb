/**
 * The state of the search page as it lives in the URL (`/search/?q=deserter&kind=Profile&status=all`), and its
 * translation into Pagefind filters. Pure: the page script reads and writes the URL through these functions, so a
 * bookmarked or shared search opens exactly as it was left.
 */
import { FACET_KEYS, type FacetKey } from './search-facets.ts';

/** Which editions to search. "current" (the default) leaves out superseded editions, never sources or law. */
export type StatusChoice = 'current' | 'all' | 'superseded';

export interface SearchState {
  /** The words typed, as typed (trimmed). */
  q: string;
  status: StatusChoice;
  /** Ticked values per filter group; values within a group are alternatives (any of them). */
  filters: Record<FacetKey, string[]>;
}

const STATUS_CHOICES: readonly StatusChoice[] = ['current', 'all', 'superseded'];

/** A state with nothing typed or ticked. */
export function emptyState(): SearchState {
  return {
    q: '',
    status: 'current',
    filters: Object.fromEntries(FACET_KEYS.map((k) => [k, []])) as unknown as Record<FacetKey, string[]>,
  };
}

/** Reads a state from URL parameters; unknown parameters and values are ignored. */
export function parseState(params: URLSearchParams): SearchState {
  const state = emptyState();
  state.q = (params.get('q') ?? '').trim();
  const status = params.get('status') as StatusChoice | null;
  if (status && STATUS_CHOICES.includes(status)) state.status = status;
  for (const key of FACET_KEYS)
    state.filters[key] = [
      ...new Set(
        params
          .getAll(key)
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ];
  return state;
}

/** Writes a state as URL parameters: only what differs from the default, in a stable order. */
export function stateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const key of FACET_KEYS) for (const value of state.filters[key]) params.append(key, value);
  if (state.status !== 'current') params.set('status', state.status);
  return params;
}

/** The search page URL for a state ("/search/?q=…"). */
export function stateToUrl(state: SearchState, path = '/search/'): string {
  const query = stateToParams(state).toString();
  return query ? `${path}?${query}` : path;
}

/** Whether any filter group has a ticked value (the status choice does not count). */
export function hasFacetFilters(state: SearchState): boolean {
  return FACET_KEYS.some((k) => state.filters[k].length > 0);
}

export type PagefindFilters = Record<string, unknown>;

/**
 * The Pagefind `filters` option for a state. `omit` leaves one group out, which gives the counts for that group's
 * own values (ticking a second value in a group widens the results, so its count must ignore the first).
 *
 * Current guidance is "not superseded" rather than "current", so that sources, legal provisions and profile
 * histories, which belong to no edition, are still found by default.
 */
export function pagefindFilters(state: SearchState, omit?: FacetKey | 'status'): PagefindFilters {
  const filters: PagefindFilters = {};
  for (const key of FACET_KEYS) {
    if (key === omit || state.filters[key].length === 0) continue;
    filters[key] = { any: state.filters[key] };
  }
  if (omit !== 'status') {
    if (state.status === 'current') filters.status = { not: 'superseded' };
    if (state.status === 'superseded') filters.status = 'superseded';
  }
  return filters;
}
