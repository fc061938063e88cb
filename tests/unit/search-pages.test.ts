import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadCorpus } from '../../src/corpus/corpus.ts';
import {
  countrySearchData,
  editionSearchData,
  facetOptions,
  lawSearchData,
  profileSearchData,
  retiredProfileSearchData,
  sourceSearchData,
  sourceSearchWeight,
} from '../../src/site/search-pages.ts';
import { FACET_KEYS } from '../../src/shared/search-facets.ts';

const VALID = resolve(import.meta.dirname, '../fixtures/valid');
const c = loadCorpus(VALID, VALID);
const profile = (id: string) => c.profiles.find((p) => p.id === id || `${p.month}/${p.profile}` === id)!;

describe('what pages declare to the search index', () => {
  it('a profile of the current edition is current, with its edition, risk level, last update and answer in one line', () => {
    expect(profileSearchData(c, profile('2024-06/evaders'))).toEqual({
      filters: {
        kind: 'Profile',
        country: 'Testland',
        profile: 'Draft evaders',
        edition: 'June 2024',
        status: 'current',
        risk: 'In general not substantiated',
      },
      meta: {
        kind: 'Profile',
        country: 'Testland',
        edition: 'June 2024',
        status: 'current',
        date: 'Last updated June 2024',
        profile: 'Draft evaders',
        answer:
          'Article 9: Does not amount to persecution (from a secondary report) · Risk: In general not substantiated (from a secondary report) · Reason: No reason for persecution established (from a secondary report)',
      },
    });
  });

  it('a profile of an earlier edition is superseded and says which edition it belongs to', () => {
    const { filters, meta } = profileSearchData(c, profile('2023-01/deserters'));
    expect(filters).toMatchObject({
      status: 'superseded',
      edition: 'January 2023',
      risk: 'Well-founded fear in general substantiated',
    });
    expect(meta).toMatchObject({ status: 'superseded', edition: 'January 2023' });
    expect(meta.answer).toContain('Risk: Well-founded fear in general substantiated');
  });

  it('a profile result says when its level of risk is not known, and an overview declares no answer', () => {
    const notKnown = profile('2024-06/evaders');
    const risk = { status: 'not-known' as const, why: 'Not read.', wouldSettle: 'The guidance.' };
    const withNotKnown = {
      ...notKnown,
      data: { ...notKnown.data!, conclusions: { ...notKnown.data!.conclusions!, risk } },
    };
    expect(profileSearchData(c, withNotKnown).meta.answer).toContain('Risk: Not known');
    const overview = { ...notKnown, data: { ...notKnown.data!, kind: 'overview' as const, conclusions: undefined } };
    expect(profileSearchData(c, overview).meta.answer).toBeUndefined();
  });

  it('editions carry their status; the country page is current guidance', () => {
    expect(editionSearchData(c, 'testland-2023-01').filters).toMatchObject({ kind: 'Edition', status: 'superseded' });
    expect(editionSearchData(c, 'testland-2024-06').meta.date).toBe('Published 1 June 2024');
    expect(countrySearchData(c, 'testland').filters).toMatchObject({
      kind: 'Country overview',
      status: 'current',
      edition: 'June 2024',
    });
  });

  it('sources, legal provisions and the page of a profile no longer in force have no status, so "current guidance only" keeps them', () => {
    for (const data of [
      sourceSearchData(c, 'eu-qd'),
      lawSearchData(),
      retiredProfileSearchData(c, 'testland', 'deserters'),
    ]) {
      expect(data.filters.status).toBeUndefined();
      expect(data.meta.status).toBeUndefined();
    }
  });

  it('a source that is the text of a superseded edition is superseded, like the edition, and ranks lower still', () => {
    expect(sourceSearchData(c, 'report-2022')).toMatchObject({
      filters: { kind: 'Source', status: 'superseded', edition: 'January 2023', country: 'Testland' },
      meta: { status: 'superseded', edition: 'January 2023', cite: 'Military report 2022' },
    });
    // Guidance weighs 1 (Pagefind's default); a source weighs less, and a superseded edition's text less still.
    const superseded = sourceSearchWeight(c, 'report-2022');
    const source = sourceSearchWeight(c, 'eu-qd');
    expect(source).toBeGreaterThan(0);
    expect(source).toBeLessThan(1);
    expect(superseded).toBeGreaterThan(0);
    expect(superseded).toBeLessThan(source);
  });

  it('a source declares its short citation, so it is found the way it is cited', () => {
    expect(sourceSearchData(c, 'eu-qd').meta.cite).toBe('QD');
  });
});

describe('facetOptions', () => {
  it('offers every value a page declares, so no page is unreachable by a filter', () => {
    const options = facetOptions(c);
    const declared = [
      ...c.profiles.map((p) => profileSearchData(c, p)),
      ...[...c.editions.keys()].map((id) => editionSearchData(c, id)),
      countrySearchData(c, 'testland'),
      retiredProfileSearchData(c, 'testland', 'deserters'),
      ...[...c.sources.keys()].map((id) => sourceSearchData(c, id)),
      lawSearchData(),
    ];
    for (const { filters } of declared) {
      for (const key of FACET_KEYS) if (filters[key]) expect(options[key], key).toContain(filters[key]);
    }
  });

  it('lists editions newest first and only the risk levels some profile has', () => {
    const options = facetOptions(c);
    expect(options.edition).toEqual(['June 2024', 'January 2023']);
    expect(options.risk).not.toContain('Individual assessment');
  });
});
