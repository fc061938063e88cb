/**
 * A re-ranking step after Pagefind's: for the same match, guidance (profiles, their findings, editions) ranks above
 * the sources it rests on. Pagefind ranks by words alone, so a news item with "amnesty" in its title outranks the
 * deserters profile for "deserter amnesty", although the profile is what answers the question. A source named by
 * its citation ("EUAA CG Syria Dec 2025", "C-238/19") keeps its score: the reader asked for that document.
 *
 * Pure module: no DOM, no Pagefind.
 */
import { queryWords } from './search-relax.ts';
import { KIND } from './search-facets.ts';

/** Results re-ranked: the first this many of Pagefind's (their metadata is loaded anyway for the first page). */
export const RERANK_DEPTH = 20;

/** A source's score is multiplied by this, unless the query names it by its citation. */
export const SOURCE_FACTOR = 0.35;

export interface Rankable {
  score: number;
  /** The page's `kind` meta ("Profile", "Source", …). */
  kind?: string;
  /** A source's short citation and number (its `cite` meta). */
  cite?: string;
}

const words = (text: string) => queryWords(text.toLowerCase().replace(/·/g, ' '));

/** Whether every word of the query is a word of the citation ("EUAA CG Syria Dec 2025", "Shepherd C-472/13"). */
export function namesCitation(query: string, cite: string | undefined): boolean {
  if (!cite) return false;
  const asked = words(query);
  const cited = new Set(words(cite));
  return asked.length > 0 && asked.every((w) => cited.has(w));
}

/** The score a result is ranked by on the search page. */
export function rankScore(item: Rankable, query: string): number {
  return item.kind === KIND.source && !namesCitation(query, item.cite) ? item.score * SOURCE_FACTOR : item.score;
}

/** The items in the order the search page shows them: by rankScore, best first, ties in Pagefind's order. */
export function preferGuidance<T extends Rankable>(items: T[], query: string): T[] {
  return items
    .map((item, i) => ({ item, i, s: rankScore(item, query) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.item);
}
