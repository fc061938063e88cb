/**
 * Query relaxation for questions. Pagefind returns only pages that contain every indexed word of a query, so a
 * question such as "what happens to a deserter who goes back now" can find nothing although several pages answer
 * it. When a query finds too little, the search page:
 *
 * 1. leaves out the words that carry no meaning on their own (articles, pronouns, question words, filler verbs);
 * 2. searches each remaining word on its own (Pagefind loads each word's index chunk once, so this is cheap);
 * 3. merges the pages found, ranking first the pages that contain the most of the words (rarer words weigh more),
 *    then by Pagefind's own score;
 * 4. says which words it left out, and for each page which of the reader's words it lacks (the sentences are in
 *    search-messages.ts).
 *
 * Pure: search-run.ts does the searching, this module decides and ranks.
 */

/**
 * Words too common or too vague to narrow a search of guidance. Domain words ("return", "risk", "military") are
 * deliberately absent, and so are negations, which change meaning.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // articles, conjunctions, prepositions
  'a',
  'an',
  'the',
  'and',
  'or',
  'but',
  'if',
  'then',
  'than',
  'so',
  'as',
  'of',
  'to',
  'in',
  'on',
  'at',
  'by',
  'for',
  'from',
  'with',
  'about',
  'into',
  'onto',
  'over',
  'under',
  'up',
  'out',
  'off',
  'via',
  'per',
  'also',
  'too',
  'very',
  'just',
  'only',
  'still',
  'even',
  'there',
  'here',
  'this',
  'that',
  'these',
  'those',
  'some',
  'any',
  'such',
  // pronouns
  'i',
  'me',
  'my',
  'we',
  'us',
  'our',
  'you',
  'your',
  'he',
  'him',
  'his',
  'she',
  'her',
  'it',
  'its',
  'they',
  'them',
  'their',
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'person',
  'people',
  'one',
  // question words
  'what',
  'whats',
  'when',
  'where',
  'which',
  'who',
  'whom',
  'whose',
  'why',
  'how',
  'whether',
  // auxiliaries and modal verbs
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'am',
  'do',
  'does',
  'did',
  'done',
  'doing',
  'have',
  'has',
  'had',
  'having',
  'can',
  'could',
  'will',
  'would',
  'shall',
  'should',
  'may',
  'might',
  'must',
  'get',
  'gets',
  'got',
  'getting',
  // filler verbs and adverbs of everyday questions
  'happen',
  'happens',
  'happened',
  'happening',
  'go',
  'goes',
  'going',
  'went',
  'gone',
  'come',
  'comes',
  'came',
  'back',
  'now',
  'today',
  'currently',
  'really',
  'actually',
  'likely',
  'generally',
  'usually',
  'often',
  'much',
  'many',
  'more',
  'most',
  'anything',
  'something',
  'thing',
  'things',
  'kind',
  'sort',
  'way',
  'tell',
  'know',
  'find',
  'need',
  'want',
  'please',
  'guidance',
  'information',
  'info',
]);

/** Splits a query into words: whitespace-separated, outer punctuation and quotes removed, duplicates dropped. */
export function queryWords(query: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const raw of query.split(/\s+/)) {
    // Keep inner punctuation ("C-238/19", "9(2)(e)"), drop what surrounds a word ("(e.g.", "now?", '"deserter').
    const word = raw
      .replace(/^[^\p{L}\p{N}]+/u, '')
      .replace(/[^\p{L}\p{N})]+$/u, '')
      .replace(/^([^(]*)\)$/u, '$1');
    if (!word) continue;
    const key = word.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    words.push(word);
  }
  return words;
}

/** Whether a word carries no meaning on its own (see STOP_WORDS). Words with digits never do. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase().replace(/['’]/g, ''));
}

/** A lone letter ("a", "I"): never worth searching. A lone digit is, as in "Article 9". */
const isLoneLetter = (word: string) => /^\p{L}$/u.test(word);

/**
 * The term the search page sends to Pagefind: the query without its stop words and lone letters. Pagefind matches
 * each word as the start of a word, so "a" would match, and highlight, every word beginning with "a" and lift pages
 * for it. A query with quotes (a phrase) or with nothing left is sent as typed.
 */
export function searchTerm(query: string): string {
  if (/["“”]/.test(query)) return query.trim();
  const kept = query.split(/\s+/).filter((raw) => {
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N})]+$/gu, '');
    return word !== '' && !isStopWord(word) && !isLoneLetter(word);
  });
  return kept.length ? kept.join(' ') : query.trim();
}

/** A query split into the words worth searching and the words left out. */
export interface RelaxationPlan {
  /** Words searched one by one, in the order typed. */
  words: string[];
  /** Words left out because they carry no meaning on their own. */
  ignored: string[];
}

/** Decides which words of a query to search separately. At most `maxWords` (the first ones typed) are kept. */
export function planRelaxation(query: string, maxWords = 8): RelaxationPlan {
  const all = queryWords(query.replace(/["“”]/g, ' '));
  const words = all.filter((w) => !isStopWord(w));
  return { words: words.slice(0, maxWords), ignored: all.filter((w) => isStopWord(w)) };
}

/** Whether a relaxed search could find more than the query as typed: it needs two meaningful words, or a dropped one. */
export function canRelax(query: string): boolean {
  const plan = planRelaxation(query);
  return plan.words.length >= 2 || (plan.words.length === 1 && plan.ignored.length > 0);
}

/** Inverse document frequency, as Pagefind's BM25 computes it: rare words weigh more. */
export function idf(totalPages: number, pagesWithWord: number): number {
  return Math.log(1 + (totalPages - pagesWithWord + 0.5) / (pagesWithWord + 0.5));
}

/** What searching one word alone returned. */
export interface WordHits<Id = string> {
  word: string;
  /** Pages containing the word, ignoring the reader's filters (for its weight). */
  pagesWithWord: number;
  /** Pages found within the reader's filters, with Pagefind's score. */
  hits: { id: Id; score: number }[];
}

/** A page found by the relaxed search. */
export interface RelaxedHit<Id = string> {
  id: Id;
  /** The reader's words the page contains, in the order typed. */
  matched: string[];
  /** The reader's words it lacks. */
  missing: string[];
  /** Sum of the weights (idf) of the matched words. */
  weight: number;
  /** The ranking score: Pagefind's scores for the matched words, summed, times the squared share of words matched. */
  score: number;
}

/**
 * Merges the pages found for each word and ranks them like an "any of these words" query: a page scores the sum of
 * Pagefind's scores for the words it contains (each already weighs the word's rarity, the page's length and
 * title), times the share of the reader's words it contains, squared, so that pages with more of the words come
 * first unless a page with fewer is a far better match for them. Pages in `exclude` (already shown as exact
 * matches) are left out.
 */
export function rankByCoverage<Id>(
  perWord: WordHits<Id>[],
  totalPages: number,
  exclude: ReadonlySet<Id> = new Set(),
): RelaxedHit<Id>[] {
  const words = perWord.map((w) => w.word);
  const byId = new Map<Id, { matched: Set<string>; weight: number; score: number }>();
  for (const { word, pagesWithWord, hits } of perWord) {
    const w = idf(totalPages, pagesWithWord);
    for (const { id, score } of hits) {
      if (exclude.has(id)) continue;
      const entry = byId.get(id) ?? { matched: new Set<string>(), weight: 0, score: 0 };
      if (!entry.matched.has(word)) {
        entry.matched.add(word);
        entry.weight += w;
        entry.score += score;
      }
      byId.set(id, entry);
    }
  }
  const coverage = (n: number) => (words.length ? (n / words.length) ** 2 : 0);
  return [...byId.entries()]
    .map(([id, e]) => ({
      id,
      matched: words.filter((w) => e.matched.has(w)),
      missing: words.filter((w) => !e.matched.has(w)),
      weight: e.weight,
      score: e.score * coverage(e.matched.size),
    }))
    .sort((a, b) => b.score - a.score || b.matched.length - a.matched.length || b.weight - a.weight);
}
