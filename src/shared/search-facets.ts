/**
 * What each page tells the search index about itself: its filter values (kind, country, profile, edition, status,
 * risk level) and the metadata a result shows (edition, status, date). Pages and the search page both use these
 * names, so a filter offered on /search/ always matches what the pages declare.
 *
 * Pure module: no Astro, no DOM.
 */

/** The kinds of page the search can be narrowed to. */
export const KIND = {
  profile: 'Profile',
  edition: 'Edition',
  source: 'Source',
  law: 'Legal provision',
  country: 'Country overview',
} as const;

export type KindLabel = (typeof KIND)[keyof typeof KIND];

/** Status of guidance. Pages outside an edition (sources, law) have none and are never "superseded". */
export type Status = 'current' | 'superseded';

/** Filter groups a reader can tick, in the order the search page shows them. `status` has its own control. */
export const FACETS = [
  { key: 'kind', label: 'Kind of page' },
  { key: 'country', label: 'Country' },
  { key: 'profile', label: 'Profile' },
  { key: 'edition', label: 'Edition' },
  { key: 'risk', label: 'Level of risk' },
] as const;

export type FacetKey = (typeof FACETS)[number]['key'];
export const FACET_KEYS: readonly FacetKey[] = FACETS.map((f) => f.key);

/** Filter values of one page. Absent keys are simply not declared. */
export type PageFilters = Partial<Record<FacetKey | 'status', string>>;

/** Metadata shown with a result (and searchable, since Pagefind 1.5). */
export interface PageMeta {
  /** "Profile", "Source", … */
  kind: KindLabel;
  country?: string;
  /** Edition label, "April 2024". */
  edition?: string;
  status?: Status;
  /** "Last updated 3 December 2025" or "Published 19 November 2020": the date line of the result. */
  date?: string;
  /**
   * On profile pages, the profile's name and whom it covers. Ranked with its own weight (search-config.ts), so that a
   * query naming a profile ("deserters") finds the profile before the many sources with the word in their title.
   */
  profile?: string;
  /** On profile pages, the conclusions in one line (labels.ts conclusionsLine); shown, never ranked. */
  answer?: string;
  /** On source pages, the short citation and case or document number ("EUAA CG Syria Dec 2025 · C-238/19"). */
  cite?: string;
}

/**
 * Ranking weight of superseded guidance (data-pagefind-weight on the page body; 1 is normal). Below 1, the same words
 * rank a current page above its superseded versions, which matter only when a reader includes superseded editions.
 */
export const SUPERSEDED_WEIGHT = 0.25;

/**
 * Ranking weight of a source page. Sources repeat the words of the guidance (news on amnesties, the COI report on
 * deserters), so at full weight they outrank the profile that answers the reader's question; at this weight a profile
 * with the same words ranks first, while a query only a source matches still finds it.
 */
export const SOURCE_WEIGHT = 0.5;

/** Risk label used when a profile records its level of risk as not known. */
export const RISK_NOT_KNOWN = 'Not known';
