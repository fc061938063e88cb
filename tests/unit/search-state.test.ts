import { describe, expect, it } from 'vitest';
import {
  emptyState,
  hasFacetFilters,
  pagefindFilters,
  parseState,
  stateToParams,
  stateToUrl,
} from '../../src/shared/search-state.ts';

const from = (query: string) => parseState(new URLSearchParams(query));

describe('parseState', () => {
  it('reads the words, the ticked filters and the editions choice from the URL', () => {
    const s = from('q=deserter+punishment&kind=Profile&kind=Source&edition=April+2024&status=all');
    expect(s.q).toBe('deserter punishment');
    expect(s.status).toBe('all');
    expect(s.filters.kind).toEqual(['Profile', 'Source']);
    expect(s.filters.edition).toEqual(['April 2024']);
    expect(s.filters.country).toEqual([]);
  });

  it('defaults to current guidance, and ignores unknown parameters and statuses', () => {
    const s = from('status=everything&colour=red&q=++x++');
    expect(s).toEqual({ ...emptyState(), q: 'x' });
  });
});

describe('stateToParams / stateToUrl', () => {
  it('a state survives the round trip through the URL', () => {
    const query = 'q=Article+9%282%29%28e%29&kind=Legal+provision&status=superseded';
    expect(stateToParams(from(query)).toString()).toBe(query);
  });

  it('leaves defaults out, so the plain search page stays /search/', () => {
    expect(stateToUrl(emptyState())).toBe('/search/');
    expect(stateToUrl({ ...emptyState(), q: 'C-238/19' })).toBe('/search/?q=C-238%2F19');
  });
});

describe('pagefindFilters', () => {
  it('by default leaves out superseded guidance only, so pages without a status (sources, law) are still found', () => {
    expect(pagefindFilters(emptyState())).toEqual({ status: { not: 'superseded' } });
  });

  it('values ticked in one group are alternatives; groups narrow each other', () => {
    const s = from('kind=Profile&kind=Source&risk=Not+known&status=all');
    expect(pagefindFilters(s)).toEqual({ kind: { any: ['Profile', 'Source'] }, risk: { any: ['Not known'] } });
  });

  it('"superseded only" asks for the superseded status', () => {
    expect(pagefindFilters(from('status=superseded'))).toEqual({ status: 'superseded' });
  });

  it('can leave one group out, for the counts of its own values', () => {
    const s = from('kind=Profile&edition=April+2024');
    expect(pagefindFilters(s, 'kind')).toEqual({ edition: { any: ['April 2024'] }, status: { not: 'superseded' } });
    expect(pagefindFilters(s, 'status')).toEqual({ kind: { any: ['Profile'] }, edition: { any: ['April 2024'] } });
  });
});

describe('hasFacetFilters', () => {
  it('the editions choice alone is not a filter', () => {
    expect(hasFacetFilters(from('status=all'))).toBe(false);
    expect(hasFacetFilters(from('country=Syria'))).toBe(true);
  });
});
