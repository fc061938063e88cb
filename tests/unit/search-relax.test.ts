import { describe, expect, it } from 'vitest';
import {
  canRelax,
  idf,
  isStopWord,
  planRelaxation,
  queryWords,
  rankByCoverage,
} from '../../src/shared/search-relax.ts';

describe('queryWords', () => {
  it.each([
    // a question: punctuation around words goes, the words stay in the order typed
    [
      'what happens to a deserter who goes back now?',
      ['what', 'happens', 'to', 'a', 'deserter', 'who', 'goes', 'back', 'now'],
    ],
    // legal citations and case numbers keep their inner punctuation
    ['Article 9(2)(e) and C-238/19.', ['Article', '9(2)(e)', 'and', 'C-238/19']],
    // brackets and quotes around a word are not part of it
    ['"deserters" (returnees)', ['deserters', 'returnees']],
    // repeated words count once, whatever their case
    ['Deserter deserter DESERTER', ['Deserter']],
    // nothing but spaces and punctuation
    ['  ?! … ', []],
  ])('%j → %j', (query, words) => {
    expect(queryWords(query)).toEqual(words);
  });
});

describe('isStopWord', () => {
  it('question words, articles and filler verbs carry no meaning on their own', () => {
    for (const w of ['What', 'the', 'happens', 'goes', 'now', 'should', 'who']) expect(isStopWord(w)).toBe(true);
  });
  it('domain words and negations are kept', () => {
    for (const w of ['deserter', 'return', 'risk', 'military', 'not', 'no', 'airport', '2024/1347', '9(2)(e)'])
      expect(isStopWord(w)).toBe(false);
  });
});

describe('planRelaxation', () => {
  it('a question keeps only its meaningful words and names the ones left out', () => {
    expect(planRelaxation('what happens to a deserter who goes back now')).toEqual({
      words: ['deserter'],
      ignored: ['what', 'happens', 'to', 'a', 'who', 'goes', 'back', 'now'],
    });
  });

  it('quotes do not stop a phrase from being relaxed into its words', () => {
    expect(planRelaxation('"returnee arrested at the airport"').words).toEqual(['returnee', 'arrested', 'airport']);
  });

  it('keeps at most the first eight meaningful words', () => {
    expect(planRelaxation('alpha beta gamma delta epsilon zeta eta theta iota kappa').words).toEqual([
      'alpha',
      'beta',
      'gamma',
      'delta',
      'epsilon',
      'zeta',
      'eta',
      'theta',
    ]);
  });
});

describe('canRelax', () => {
  it.each([
    // two meaningful words: each can be searched alone
    ['returnee airport', true],
    // one meaningful word among stop words: the stop words can be dropped
    ['what about deserters', true],
    // a single word: nothing to drop
    ['deserters', false],
    // only stop words: nothing left to search
    ['what is it', false],
  ])('%j → %s', (query, expected) => {
    expect(canRelax(query)).toBe(expected);
  });
});

describe('idf', () => {
  it('a rarer word weighs more than a common one', () => {
    expect(idf(100, 2)).toBeGreaterThan(idf(100, 50));
  });
  it('a word on every page still weighs a little', () => {
    expect(idf(100, 100)).toBeGreaterThan(0);
  });
});

describe('rankByCoverage', () => {
  const perWord = [
    {
      word: 'returnee',
      pagesWithWord: 10,
      hits: [
        { id: 'returnees', score: 5 },
        { id: 'country', score: 1 },
        { id: 'deserters', score: 0.5 },
      ],
    },
    {
      word: 'arrested',
      pagesWithWord: 20,
      hits: [
        { id: 'returnees', score: 2 },
        { id: 'deserters', score: 3 },
        { id: 'evaders', score: 2 },
      ],
    },
    {
      word: 'airport',
      pagesWithWord: 2,
      hits: [
        { id: 'evaders', score: 4 },
        { id: 'returnees', score: 1 },
      ],
    },
  ];

  it('pages with the most words come first, each with the words it lacks', () => {
    const ranked = rankByCoverage(perWord, 100);
    expect(ranked.map((r) => r.id)).toEqual(['returnees', 'evaders', 'deserters', 'country']);
    expect(ranked[0]).toMatchObject({ matched: ['returnee', 'arrested', 'airport'], missing: [] });
    expect(ranked[3]).toMatchObject({ matched: ['returnee'], missing: ['arrested', 'airport'] });
  });

  it('among pages with as many words, the rarer words win (airport beats returnee)', () => {
    const ranked = rankByCoverage(perWord, 100);
    // evaders: arrested + airport; deserters: returnee + arrested. "airport" is on 2 pages, "returnee" on 10.
    expect(ranked.findIndex((r) => r.id === 'evaders')).toBeLessThan(ranked.findIndex((r) => r.id === 'deserters'));
  });

  it('leaves out pages already shown as exact matches', () => {
    expect(rankByCoverage(perWord, 100, new Set(['returnees'])).map((r) => r.id)).toEqual([
      'evaders',
      'deserters',
      'country',
    ]);
  });

  it("with equal words and weights, Pagefind's score decides", () => {
    const ranked = rankByCoverage(
      [
        {
          word: 'x',
          pagesWithWord: 3,
          hits: [
            { id: 'a', score: 1 },
            { id: 'b', score: 9 },
          ],
        },
      ],
      10,
    );
    expect(ranked.map((r) => r.id)).toEqual(['b', 'a']);
  });
});
