/**
 * Every sentence the search page writes for the reader, in one place: the results count, the notes on a relaxed
 * search and on superseded results, the filters summary, the labels of a result, and what to say when search
 * cannot run. The page's markup (components/search/) takes its shared labels from here too, so a button reads the
 * same before and after the script has run.
 *
 * Pure module: no DOM.
 */
import { FACETS, FACET_KEYS, type FacetKey } from './search-facets.ts';
import type { RelaxationPlan } from './search-relax.ts';
import type { SearchState } from './search-state.ts';

/** "1 result", "2 results". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const FACET_LABELS = Object.fromEntries(FACETS.map((f) => [f.key, f.label])) as Record<FacetKey, string>;

/** Labels shared by the page's markup and its script. */
export const LABELS = {
  includeSuperseded: 'Include superseded editions',
  clearFilters: 'Clear filters',
  showMore: 'Show more results',
  doesNotContain: 'Does not contain: ',
  current: 'Current',
  unavailable: 'The search index could not be loaded.',
} as const;

/** The page title (the browser tab and history) for a query. */
export function pageTitle(q: string): string {
  return q ? `Search: ${q} | Country Guidance` : 'Search | Country Guidance';
}

/** The words of the state in one phrase, for the results count: "current guidance only; Kind of page: Profile". */
export function describeScope(state: SearchState, labels: Record<FacetKey, string> = FACET_LABELS): string {
  const status = {
    current: 'current guidance only',
    all: 'current and superseded editions',
    superseded: 'superseded editions only',
  }[state.status];
  const parts = FACET_KEYS.filter((k) => state.filters[k].length).map(
    (k) => `${labels[k]}: ${state.filters[k].join(' or ')}`,
  );
  return [status, ...parts].join('; ');
}

/** The summary of the folded filters: which editions, and how many filters are ticked. */
export function filtersSummary(state: SearchState): string {
  const n = FACET_KEYS.reduce((sum, k) => sum + state.filters[k].length, 0);
  const editions = {
    current: 'current guidance only',
    all: 'with superseded editions',
    superseded: 'superseded editions only',
  }[state.status];
  return n ? `${editions}, ${plural(n, 'filter')}` : editions;
}

const contain = (n: number) => (n === 1 ? 'contains' : 'contain');

/** The results count: how many pages match, for what, within which scope; with relaxed results, both counts. */
export function resultsSentence(state: SearchState, exactCount: number, total: number): string {
  const scope = describeScope(state);
  const relaxedCount = total - exactCount;
  const what = state.q ? `for “${state.q}”` : 'for the chosen filters';
  if (total === 0) return `No results ${what} (${scope}).`;
  if (relaxedCount === 0) return `${plural(exactCount, 'result')} ${what} (${scope}).`;
  const exact =
    exactCount === 0
      ? 'No page contains every word'
      : `${plural(exactCount, 'page')} ${contain(exactCount)} every word`;
  return `${exact}; ${plural(relaxedCount, 'more page')} ${contain(relaxedCount)} some of them (${scope}).`;
}

/** Joins words for a sentence: “a”, “a” and “b”, “a”, “b” and “c”. */
export function listWords(words: string[]): string {
  const quoted = words.map((w) => `“${w}”`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/**
 * The sentence that tells the reader what the relaxed search did, in plain words. `unknown` are words no page
 * contains at all (often a typing error).
 */
export function describeRelaxation({
  exactCount,
  plan,
  unknown,
}: {
  exactCount: number;
  plan: RelaxationPlan;
  unknown: string[];
}): string {
  const lead =
    exactCount === 0
      ? 'No page contains all the words you typed.'
      : `Only ${exactCount === 1 ? 'one page contains' : `${exactCount} pages contain`} all the words you typed.`;
  const parts = [lead];
  if (plan.ignored.length) parts.push(`Left out as too common: ${listWords(plan.ignored)}.`);
  if (unknown.length) parts.push(`No page contains ${listWords(unknown)}; check the spelling or try another word.`);
  const searched = plan.words.filter((w) => !unknown.includes(w));
  if (searched.length) {
    const showing = exactCount === 0 ? 'Showing' : 'Also showing';
    const pages = `${showing} pages that contain some of ${listWords(searched)}`;
    parts.push(`${pages}, the most matching first; each says which words it lacks.`);
  }
  return parts.join(' ');
}

/** The hint that more results wait in superseded editions (followed by the button that includes them). */
export function supersededHint(n: number): string {
  return `${plural(n, 'more result')} ${n === 1 ? 'is' : 'are'} in superseded editions. `;
}

/** The "show more" button, with how many results it would add. */
export function showMoreLabel(remaining: number): string {
  return `${LABELS.showMore} (${remaining} more)`;
}

/** The status badge of a result in a superseded edition. */
export const supersededBadge = (edition: string | undefined) => `Superseded: ${edition} edition`;

/** Read after a superseded result's title by screen readers, which do not see its badge beside the link. */
export const supersededAfterTitle = (edition: string | undefined) => ` (superseded: ${edition} edition)`;

/** A result's edition among its facts. */
export const editionFact = (edition: string) => `${edition} edition`;

/** The accessible name of the list of a result's matching findings or sections. */
export const subResultsLabel = (title: string) => `Matching sections of ${title}`;

/** The reader's words a relaxed result lacks, after LABELS.doesNotContain. */
export const missingWords = (words: string[]) => words.map((w) => `“${w}”`).join(', ');

/**
 * What to say when search cannot run. In development the index is the last build's, or none yet; readers of the
 * built site can only reload.
 */
export function unavailable(dev: boolean): { status: string; text: string } {
  return dev
    ? {
        status: 'Search works after npm run build.',
        text:
          'Search works after `npm run build`: the index is made from the built site. Run `npm run build` once, ' +
          'then reload this page; `npm run dev` serves the index of the last build.',
      }
    : { status: 'Search is not available.', text: `${LABELS.unavailable} Reload the page to try again.` };
}
