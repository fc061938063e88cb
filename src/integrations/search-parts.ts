/**
 * The search index in parts, for a large site. Pagefind rebuilds an index whole, whatever changed; in parts, each
 * part is its own Pagefind index, a rebuild indexes again only the parts whose pages changed, while the pages render,
 * and publishes the others as an earlier build wrote them (src/build-cache/index-part-store.ts), and the search page
 * merges the parts in the browser (Pagefind's `mergeIndex`, read by src/client/search/open-index.ts; queries by
 * src/shared/search-parts-query.ts).
 *
 * It is a trade, measured at 10,000 profiles (CONTRIBUTING.md, "Search index in parts"): every word a reader searches
 * loads one chunk of each part. With 4 parts a search cost 1.05 to 1.56 times the bytes of one index, and a rebuild
 * after one profile edit went from 0.54 to about a third of a full build; 16 parts cost 1.7 to 3.5 times the bytes.
 * So a site is one index, exactly as Pagefind makes it, until it has twice PAGES_PER_PART profile pages, and never
 * more than MOST_PARTS parts.
 *
 * A page's part is a hash of its output path, so it keeps its part for as long as the number of parts holds, and a
 * one-profile edit touches one part.
 */
import { createHash } from 'node:crypto';

/**
 * At most this many parts: a first search loads each part's metadata, and each word one index chunk per part, so
 * every part costs a phone requests and bytes.
 */
export const MOST_PARTS = 16;

/**
 * How many parts a site of about `pages` searchable pages is indexed in, at about `perPart` pages each: a power of
 * two, so that the count changes (and every page is indexed again) only when the site doubles or halves past a
 * boundary.
 */
export function partCount(pages: number, perPart: number): number {
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
 * About how many profile pages a part holds when the site sets nothing: a site of fewer than 5,000 (every profile in
 * every edition) is one index, 10,000 are 4 parts.
 */
export const PAGES_PER_PART = 2500;

/**
 * Pages per part: the positive whole number in CG_SEARCH_PAGES_PER_PART, or PAGES_PER_PART. The tests split a small
 * site into parts with it; a number above the site's size keeps any site in one index.
 */
export function pagesPerPart(env: NodeJS.ProcessEnv = process.env): number {
  const set = env.CG_SEARCH_PAGES_PER_PART;
  if (set === undefined || set === '') return PAGES_PER_PART;
  if (!/^[1-9][0-9]{0,6}$/.test(set))
    throw new Error(`CG_SEARCH_PAGES_PER_PART must be a whole number above 0, not "${set}"`);
  return Number(set);
}
