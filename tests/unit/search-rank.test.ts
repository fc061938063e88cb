import { describe, expect, it } from 'vitest';
import { namesCitation, namedTier, preferGuidance, rankScore, SOURCE_FACTOR } from '../../src/shared/search-rank.ts';
import type { Named } from '../../src/shared/search-names.ts';
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

describe('what the query names ranks first', () => {
  const april = { label: 'April 2024', current: false };
  const current = {
    id: 'current',
    score: 9,
    kind: 'Profile',
    edition: 'December 2025',
    status: 'current',
    profiles: ['Deserters'],
  };
  const older = {
    id: 'older',
    score: 4,
    kind: 'Profile',
    edition: 'April 2024',
    status: 'superseded',
    profiles: ['Deserters'],
  };
  const olderOther = { ...older, id: 'older-other', score: 6, profiles: ['Defectors'] };
  const olderEdition = { id: 'edition', score: 30, kind: 'Edition', edition: 'April 2024', status: 'superseded' };
  const overview = { id: 'overview', score: 40, kind: 'Country overview', edition: 'December 2025', status: 'current' };
  const source = { id: 'cpin', score: 50, kind: 'Source', cite: 'UK CPIN Returnees 2025' };
  const returnees = {
    id: 'returnees',
    score: 2,
    kind: 'Profile',
    edition: 'December 2025',
    status: 'current',
    profiles: ['Returnees'],
  };

  it('a named profile, current when no edition is named, before pages with more of the words', () => {
    const named: Named = { profiles: ['Returnees'], rest: 'detention' };
    expect(preferGuidance([overview, source, returnees], 'returnees detention', named).map((x) => x.id)).toEqual([
      'returnees',
      'overview',
      'cpin',
    ]);
  });

  it('a named edition: the named profile in it, then its other guidance, then the rest', () => {
    const named: Named = { profiles: ['Deserters'], edition: april, rest: 'risk april 2024' };
    const order = preferGuidance(
      [overview, current, olderEdition, olderOther, older],
      'deserters risk april 2024',
      named,
    );
    expect(order.map((x) => x.id)).toEqual(['older', 'edition', 'older-other', 'overview', 'current']);
    expect(namedTier(current, named)).toBe(0);
  });

  it('a source named by its citation keeps its place: nothing is lifted above it', () => {
    const named: Named = { profiles: ['Returnees'], rest: 'UK CPIN 2025' };
    expect(preferGuidance([source, returnees], 'UK CPIN returnees 2025', named).map((x) => x.id)).toEqual([
      'cpin',
      'returnees',
    ]);
  });

  it('one word names a citation only if it is a number or the whole citation', () => {
    expect(namesCitation('amnesty', 'News amnesty 2024')).toBe(false);
    expect(namesCitation('2024', 'News amnesty 2024')).toBe(true);
    expect(namesCitation('Landinfo', 'Landinfo')).toBe(true);
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
