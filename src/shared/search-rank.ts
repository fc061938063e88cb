/**
 * A re-ranking step after Pagefind's, which ranks by words alone:
 * - what the query names comes first: the profile it names ("returnees detention"), in the edition it names
 *   ("deserters risk april 2024") or else the current one; then the other guidance of a named edition;
 * - for the same match, guidance (profiles, their findings, editions) ranks above the sources it rests on: a news
 *   item with "amnesty" in its title would otherwise outrank the deserters profile for "deserter amnesty".
 * A query that names a source by its citation ("EUAA CG Syria Dec 2025", "C-238/19") is about that document: the
 * source keeps its score and nothing is lifted above it.
 *
 * Pure module: no DOM, no Pagefind.
 */
import { queryWords } from './search-relax.ts';
import { KIND } from './search-facets.ts';
import type { Named } from './search-names.ts';

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
  /** The edition label the page belongs to (its `edition` meta), and its status. */
  edition?: string;
  status?: string;
  /** The profile filter values of the page. */
  profiles?: readonly string[];
}

const words = (text: string) => queryWords(text.toLowerCase().replace(/·/g, ' '));

/**
 * Whether the query names this citation: every word of the query is a word of it ("EUAA CG Syria Dec 2025",
 * "Shepherd C-472/13"). One word names it only if it holds a digit (a number) or is the whole citation: "amnesty"
 * is a topic before it is a word of "News amnesty 2024".
 */
export function namesCitation(query: string, cite: string | undefined): boolean {
  if (!cite) return false;
  const asked = words(query);
  const cited = words(cite);
  if (asked.length === 0 || !asked.every((w) => cited.includes(w))) return false;
  return asked.length > 1 || /\d/.test(asked[0]) || cited.length === 1;
}

/** The score a result is ranked by within its tier. */
export function rankScore(item: Rankable, query: string): number {
  return item.kind === KIND.source && !namesCitation(query, item.cite) ? item.score * SOURCE_FACTOR : item.score;
}

const isGuidance = (item: Rankable) => item.kind === KIND.profile || item.kind === KIND.edition;

/**
 * How directly a result answers what the query names: 2 for a named profile in the named edition (or, with none
 * named, its current version), 1 for other guidance of the named edition, 0 for the rest.
 */
export function namedTier(item: Rankable, named: Named): number {
  const inEdition = named.edition ? item.edition === named.edition.label : item.status !== 'superseded';
  if (item.kind === KIND.profile && inEdition && named.profiles.some((p) => item.profiles?.includes(p))) return 2;
  return named.edition && isGuidance(item) && item.edition === named.edition.label ? 1 : 0;
}

/**
 * The items in the order the search page shows them: by tier, then rankScore, ties in Pagefind's order. The words
 * that name a profile never name a source: "draft evaders" asks for the profile, not "Landinfo deserters and draft
 * evaders 2018"; "UK CPIN military service 2025" still names the CPIN by its other words.
 */
export function preferGuidance<T extends Rankable>(items: T[], query: string, named: Named = { profiles: [] }): T[] {
  const citing = named.rest ?? query;
  const citationNamed = items.some((item) => namesCitation(citing, item.cite));
  const tier = (item: T) => (citationNamed ? 0 : namedTier(item, named));
  return items
    .map((item, i) => ({ item, i, t: tier(item), s: rankScore(item, citing) }))
    .sort((a, b) => b.t - a.t || b.s - a.s || a.i - b.i)
    .map((x) => x.item);
}
