import { describe, expect, it } from 'vitest';
import {
  describeRelaxation,
  describeScope,
  filtersSummary,
  listWords,
  resultsSentence,
  showMoreLabel,
  supersededHint,
  unavailable,
} from '../../src/shared/search-messages.ts';
import { emptyState, parseState } from '../../src/shared/search-state.ts';

const from = (query: string) => parseState(new URLSearchParams(query));

describe('describeScope', () => {
  it('describes the scope of a search in words', () => {
    expect(describeScope(emptyState())).toBe('current guidance only');
    expect(describeScope(from('status=all&kind=Profile&kind=Source'))).toBe(
      'current and superseded editions; Kind of page: Profile or Source',
    );
  });
});

describe('resultsSentence', () => {
  it('counts the results of a query within its scope', () => {
    expect(resultsSentence(from('q=deserter'), 1, 1)).toBe('1 result for “deserter” (current guidance only).');
    expect(resultsSentence(from('q=deserter&status=all'), 4, 4)).toBe(
      '4 results for “deserter” (current and superseded editions).',
    );
  });

  it('says when nothing was found, for words or for filters alone', () => {
    expect(resultsSentence(from('q=zzz'), 0, 0)).toBe('No results for “zzz” (current guidance only).');
    expect(resultsSentence(from('kind=Profile'), 0, 0)).toBe(
      'No results for the chosen filters (current guidance only; Kind of page: Profile).',
    );
  });

  it('with relaxed results, counts the pages with every word and those with some', () => {
    expect(resultsSentence(from('q=a+b'), 0, 3)).toBe(
      'No page contains every word; 3 more pages contain some of them (current guidance only).',
    );
    expect(resultsSentence(from('q=a+b'), 1, 2)).toBe(
      '1 page contains every word; 1 more page contains some of them (current guidance only).',
    );
  });
});

describe('filtersSummary', () => {
  it('names the editions searched and how many filters are ticked', () => {
    expect(filtersSummary(emptyState())).toBe('current guidance only');
    expect(filtersSummary(from('status=all&kind=Profile&country=Syria'))).toBe('with superseded editions, 2 filters');
    expect(filtersSummary(from('status=superseded&kind=Profile'))).toBe('superseded editions only, 1 filter');
  });
});

describe('small sentences', () => {
  it('the superseded hint and the show-more button count what they would add', () => {
    expect(supersededHint(1)).toBe('1 more result is in superseded editions. ');
    expect(supersededHint(3)).toBe('3 more results are in superseded editions. ');
    expect(showMoreLabel(7)).toBe('Show more results (7 more)');
  });

  it('tells a developer how to get an index, and a reader only to reload', () => {
    expect(unavailable(true).text).toContain('npm run build');
    expect(unavailable(false)).toEqual({
      status: 'Search is not available.',
      text: 'The search index could not be loaded. Reload the page to try again.',
    });
  });
});

describe('describeRelaxation', () => {
  it('says that nothing matched every word, which words were left out and how the rest is ranked', () => {
    const text = describeRelaxation({
      exactCount: 0,
      plan: { words: ['deserter', 'airport'], ignored: ['what', 'the'] },
      unknown: [],
    });
    expect(text).toBe(
      'No page contains all the words you typed. Left out as too common: “what” and “the”. Showing pages that contain some of “deserter” and “airport”, the most matching first; each says which words it lacks.',
    );
  });

  it('names words that no page contains, as a possible typing error', () => {
    const text = describeRelaxation({
      exactCount: 1,
      plan: { words: ['deserter', 'desertr'], ignored: [] },
      unknown: ['desertr'],
    });
    expect(text).toContain('Only one page contains all the words you typed.');
    expect(text).toContain('No page contains “desertr”; check the spelling');
    expect(text).toContain('Also showing pages that contain some of “deserter”');
  });
});

describe('listWords', () => {
  it.each([
    [[], ''],
    [['a'], '“a”'],
    [['a', 'b'], '“a” and “b”'],
    [['a', 'b', 'c'], '“a”, “b” and “c”'],
  ])('%j → %s', (words, text) => {
    expect(listWords(words)).toBe(text);
  });
});
