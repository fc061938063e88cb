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
  history: 'Profile history',
} as const;

export type KindLabel = (typeof KIND)[keyof typeof KIND];

/** Status of guidance. Pages outside an edition (sources, law, history) have none and are never "superseded". */
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
  /** Other words the page should be found by that its text may not contain (ids, written-out citations). */
  aliases?: string;
}

/** Risk label used when a profile records its level of risk as not known. */
export const RISK_NOT_KNOWN = 'Not known';

/**
 * Words to also index for a legal citation written with brackets, so that "9(2)(e)", "9 2 e" and "Article 9(2)(e)"
 * all find it. Pagefind drops the brackets ("9(2)(e)" → "92e") on both sides, which already matches the exact
 * form; the spaced form is for readers who type the parts separately.
 */
export function citationAliases(label: string): string[] {
  const m = /^(?:Art(?:icle|\.)?\s*)?(\d+[a-z]?)((?:\(\w+\))*)$/i.exec(label.trim());
  if (!m) return [];
  const parts = [...m[2].matchAll(/\((\w+)\)/g)].map((x) => x[1]);
  if (parts.length === 0) return [];
  return [[m[1], ...parts].join(' ')];
}

/** A court case number such as "C-238/19" also written as "C 238/19" and "C238/19", as people type it. */
export function caseNumberAliases(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b([CT])-(\d+)\/(\d{2})\b/g)) {
    out.add(`${m[1]}${m[2]}/${m[3]}`);
    out.add(`${m[1]} ${m[2]}/${m[3]}`);
  }
  return [...out];
}
