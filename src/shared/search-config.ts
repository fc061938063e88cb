/**
 * Search settings shared by the search page and the relevance tests, so that the tests measure what readers get.
 */

/** Where the Pagefind bundle is served: the site's own origin, never another. */
export const PAGEFIND_PATH = '/pagefind/';

/** The folder of the output the search index is written to: PAGEFIND_PATH. */
export const PAGEFIND_FOLDER = PAGEFIND_PATH.slice(1, -1);

/**
 * The search index's parts (src/integrations/search-parts.ts): the first part that holds pages is the primary index,
 * at PAGEFIND_PATH with Pagefind's scripts; each other part is in a folder of its own there, and this file in
 * PAGEFIND_PATH lists those folders for the search page to merge: `{"merge": ["part-3/", …]}`.
 */
export const INDEX_PARTS_FILE = 'parts.json';

/** The folder of a part other than the primary, relative to PAGEFIND_PATH. */
export const partFolder = (part: number): string => `part-${part}/`;

/**
 * The filter each part's pages carry in the browser (Pagefind's `mergeFilter`), valued with the part's name: its
 * folder without the slash, or PRIMARY_PART. It lets a search keep to the parts that hold all its words
 * (search-parts-query.ts).
 */
export const PART_FILTER = 'part';
export const PRIMARY_PART = 'primary';

/** A part folder as the manifest names it, and nothing else: the search page merges only these. */
export const PART_FOLDER = /^part-(0|[1-9][0-9]{0,3})\/$/;

/**
 * Options passed to `pagefind.options()`. Ranking keeps Pagefind's BM25 defaults; only metadata weights are set:
 * - `title` keeps its default 5× boost;
 * - `profile` (the profile's name, on profile pages only, see search-pages.ts) adds 3×, so that a query naming a
 *   profile ("deserters") finds the profile before the dozens of sources with the word in their title;
 * - `cite` (a source's short citation and number) adds 4×, so a source is found by the way it is cited;
 * - `answer` (a profile's conclusions in one line) only describes a result, like `kind`;
 * - `country` and `edition` count a little (a query often names them), and the labels that only describe a result
 *   (`kind`, `status`, `date`, `risk`) not at all, so that "current" or "2025" in a query does not lift every page.
 * Superseded editions are ranked below current guidance by their page weight, not here (SUPERSEDED_WEIGHT).
 */
export const PAGEFIND_OPTIONS = {
  excerptLength: 26,
  ranking: {
    metaWeights: { title: 5, profile: 3, cite: 4, country: 0.5, edition: 0.5, kind: 0, status: 0, date: 0, answer: 0 },
  },
} as const;

/** Results shown at first, and added by each "Show more results". */
export const PAGE_SIZE = 10;

/** Fewer exact results than this, and the search page relaxes the query (see search-relax.ts). */
export const MIN_RESULTS = 3;

/** Sub-results (findings, sections) shown under one result. */
export const MAX_SUB_RESULTS = 3;

/** Milliseconds to wait after the last keystroke before searching. */
export const TYPING_DELAY = 250;
