/**
 * The search index in parts. Pagefind rebuilds an index whole, whatever changed, and at 10,000 profiles that takes
 * longer than everything else a rebuild does. A large site's searchable pages are therefore spread over parts,
 * each its own Pagefind index: a rebuild indexes again only the parts whose pages changed, and publishes the others
 * as an earlier build wrote them (src/build-cache/index-part-store.ts). The search page merges the parts in the
 * browser (Pagefind's `mergeIndex`; the manifest is read by src/client/search/open-index.ts).
 *
 * A page's part is a hash of its output path, so it keeps its part for as long as the number of parts holds, and a
 * one-profile edit touches one part. A small site is one index, exactly as Pagefind makes it.
 */
import { createHash } from 'node:crypto';

export { partFolder } from '../shared/search-config.ts';

/** Searchable pages a part holds, about: enough that each part's word statistics stand for the whole site's. */
export const PAGES_PER_PART = 128;

/**
 * At most this many parts: a first search loads each part's metadata, and each word one index chunk per part, so
 * every part costs a phone some requests (measured at 10,000 profiles, see CONTRIBUTING.md).
 */
export const MOST_PARTS = 16;

/**
 * How many parts a site of about `pages` searchable pages is indexed in: a power of two, so that the count changes
 * (and every page is indexed again) only when the site doubles or halves past a boundary.
 */
export function partCount(pages: number, perPart: number = PAGES_PER_PART): number {
  let parts = 1;
  while (parts * 2 <= MOST_PARTS && parts * 2 * perPart <= pages) parts *= 2;
  return parts;
}

/** The part (0 to parts − 1) of the page written to output path `file`. */
export function partOf(file: string, parts: number): number {
  if (parts <= 1) return 0;
  return createHash('sha256').update(file).digest().readUInt32BE(0) % parts;
}

/**
 * Pages per part: PAGES_PER_PART, or the positive whole number in CG_SEARCH_PAGES_PER_PART (the tests split a small
 * site into parts with it).
 */
export function pagesPerPart(env: NodeJS.ProcessEnv = process.env): number {
  const set = env.CG_SEARCH_PAGES_PER_PART;
  if (set === undefined || set === '') return PAGES_PER_PART;
  if (!/^[1-9][0-9]{0,6}$/.test(set))
    throw new Error(`CG_SEARCH_PAGES_PER_PART must be a whole number above 0, not "${set}"`);
  return Number(set);
}
