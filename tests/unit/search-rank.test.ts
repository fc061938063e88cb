import { describe, expect, it } from 'vitest';
import { namesCitation, preferGuidance, rankScore, SOURCE_FACTOR } from '../../src/shared/search-rank.ts';
import { searchTerm } from '../../src/shared/search-relax.ts';

describe('guidance ranks before sources for the same match', () => {
  const news = { id: 'news', score: 17.9, kind: 'Source', cite: 'News on amnesty 2018' };
  const profile = { id: 'profile', score: 7.3, kind: 'Profile' };
  const guidance = { id: 'euaa', score: 21.6, kind: 'Source', cite: 'EUAA CG Syria Dec 2025' };
  const otherProfile = { id: 'military', score: 15, kind: 'Profile' };

  it('a profile outranks a source that matched more strongly on words alone ("deserter amnesty")', () => {
    expect(preferGuidance([news, profile], 'deserter amnesty').map((x) => x.id)).toEqual(['profile', 'news']);
  });

  it('a source named by its short citation keeps its place ("EUAA CG Syria Dec 2025")', () => {
    expect(preferGuidance([guidance, otherProfile], 'EUAA CG Syria Dec 2025').map((x) => x.id)).toEqual([
      'euaa',
      'military',
    ]);
    expect(rankScore(guidance, 'euaa cg syria dec 2025')).toBe(21.6);
  });

  it('a source named by its case number keeps its place', () => {
    expect(namesCitation('C-238/19', 'EZ · C-238/19')).toBe(true);
    expect(namesCitation('Shepherd C-472/13', 'Shepherd · C-472/13')).toBe(true);
  });

  it('a query with words beyond the citation does not name it', () => {
    expect(namesCitation('EUAA CG Syria Dec 2025 deserters', 'EUAA CG Syria Dec 2025')).toBe(false);
    expect(namesCitation('anything', undefined)).toBe(false);
    expect(rankScore(news, 'deserter amnesty')).toBeCloseTo(17.9 * SOURCE_FACTOR);
  });

  it('equal scores keep Pagefind’s order', () => {
    const a = { id: 'a', score: 3, kind: 'Profile' };
    const b = { id: 'b', score: 3, kind: 'Edition' };
    expect(preferGuidance([a, b], 'x').map((x) => x.id)).toEqual(['a', 'b']);
    expect(preferGuidance([b, a], 'x').map((x) => x.id)).toEqual(['b', 'a']);
  });
});

describe('the term sent to Pagefind leaves out stop words and lone letters', () => {
  it.each([
    ['is a deserter at risk', 'deserter risk'],
    ['deserter who left in 2019 at risk', 'deserter left 2019 risk'],
    // a lone digit is meaningful ("Article 9"), a lone letter is not
    ['Article 9 a', 'Article 9'],
    ['Article 9(2)(e)', 'Article 9(2)(e)'],
    // a phrase in quotes is searched as typed
    ['"a deserter"', '"a deserter"'],
    // nothing meaningful left: as typed
    ['a', 'a'],
  ])('%j → %j', (query, term) => {
    expect(searchTerm(query)).toBe(term);
  });
});
