/**
 * The pages a query names that the search for its words did not return (search-names.ts): the named edition's
 * profiles and overview when only current guidance is searched ("deserters risk april 2024"), and a named profile's page that lacks some
 * of the other words ("returnees detention": the Returnees profile says "detained"). Such a profile page comes with
 * the words it lacks, as a relaxed match does, so the reader is told.
 *
 * Pure apart from the searches it asks of `pagefind`.
 */
import { KIND } from './search-facets.ts';
import { planRelaxation } from './search-relax.ts';
import { pagefindFilters, type PagefindFilters, type SearchState } from './search-state.ts';
import type { Named } from './search-names.ts';
import type { PagefindResult, PagefindSearch } from './search-run.ts';

export interface NamedPages {
  /** Pages to add after the results of the search as typed. */
  results: PagefindResult[];
  /** For a profile page added without every word: the words it lacks, by result id. */
  missing: Map<string, string[]>;
}

async function find(pagefind: PagefindSearch, term: string | null, filters: PagefindFilters) {
  return (await pagefind.search(term, { filters }))?.results ?? [];
}

/** A named profile page lacking more of the reader's words than this is left to the relaxed search. */
export const MAX_MISSING = 1;

/** The filters that select the named edition, or current guidance if none is named. */
function editionFilters(s: SearchState, named: Named): PagefindFilters {
  const { status: _, ...rest } = pagefindFilters(s);
  return {
    ...rest,
    ...(named.edition ? { edition: { any: [named.edition.label] } } : { status: { not: 'superseded' } }),
  };
}

/** Searches what the query names and `results` lacks (nothing when the query names nothing). */
export async function namedPages(
  pagefind: PagefindSearch,
  term: string | null,
  s: SearchState,
  named: Named,
  results: readonly PagefindResult[],
): Promise<NamedPages> {
  const seen = new Set(results.map((r) => r.id));
  const added: PagefindResult[] = [];
  const missing = new Map<string, string[]>();
  const add = (r: PagefindResult) => (seen.has(r.id) ? false : (seen.add(r.id), added.push(r), true));
  const scope = editionFilters(s, named);
  // Only the edition's guidance: its document stays a superseded source, found by including superseded editions.
  const guidance = { any: [KIND.profile, KIND.edition] };
  if (named.edition && !named.edition.current && s.status === 'current')
    (await find(pagefind, term, { ...scope, kind: guidance })).forEach(add);
  for (const label of named.profiles) {
    const profile = { ...scope, kind: { any: [KIND.profile] }, profile: { any: [label] } };
    const [page] = await find(pagefind, null, profile);
    if (!page || seen.has(page.id)) continue;
    const words = planRelaxation(s.q).words;
    const has = await Promise.all(
      words.map(async (w) => (await find(pagefind, w, profile)).some((r) => r.id === page.id)),
    );
    const lacks = words.filter((_, i) => !has[i]);
    if (lacks.length > MAX_MISSING) continue;
    add(page);
    if (lacks.length) missing.set(page.id, lacks);
  }
  return { results: added, missing };
}
