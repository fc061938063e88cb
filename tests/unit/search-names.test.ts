import { describe, expect, it } from 'vitest';
import { namedEdition, namedProfiles, namesIn, type Vocabulary } from '../../src/shared/search-names.ts';

const vocabulary: Vocabulary = {
  profiles: [
    { label: 'Draft evaders (including reservists)', name: 'draft evaders' },
    { label: 'Military deserters', name: 'deserters' },
    { label: 'Returnees from abroad', name: 'returnees' },
    { label: 'Military service: overview', name: 'military service' },
    { label: 'Alawites', name: 'alawites' },
  ],
  editions: [
    { label: 'February 2023', current: false },
    { label: 'April 2024', current: false },
    { label: 'June 2025 (interim)', current: false },
    { label: 'December 2025', current: true },
  ],
};

describe('a query names a profile by every word of its id, singular or plural', () => {
  it.each([
    ['returnees detention', ['Returnees from abroad']],
    ['returnee arrested at the airport', ['Returnees from abroad']],
    ['deserter punishment', ['Military deserters']],
    ['draft evaders', ['Draft evaders (including reservists)']],
    ['Alawites coastal violence', ['Alawites']],
    ['deserters and draft evaders', ['Draft evaders (including reservists)', 'Military deserters']],
  ])('“%s” names %j', (query, labels) => {
    expect(namedProfiles(query, vocabulary.profiles)).toEqual(labels);
  });

  it.each(['checkpoint arrest military booklet syria draft', 'military penal code article 101', 'desertion'])(
    '“%s” names no profile (a part of a name is not the name)',
    (query) => expect(namedProfiles(query, vocabulary.profiles)).toEqual([]),
  );
});

describe('a query names an edition by its month and year, or a word only its label has', () => {
  it.each([
    ['deserters risk april 2024', 'April 2024'],
    ['deserters 2023', 'February 2023'],
    ['deserters interim', 'June 2025 (interim)'],
    ['returnees december 2025', 'December 2025'],
  ])('“%s” names %s', (query, label) => {
    expect(namedEdition(query, vocabulary.editions)?.label).toBe(label);
  });

  it.each([
    ['deserters 2025', 'a year two editions share'],
    ['deserters april', 'a month alone'],
    ['qualification regulation 2024/1347', 'a year inside a number'],
    ['deserters 2023 2024', 'two editions'],
    ['Alawites coastal violence March 2025', 'a month no edition has'],
  ])('“%s” names none (%s)', (query) => {
    expect(namedEdition(query, vocabulary.editions)).toBeUndefined();
  });
});

describe('namesIn', () => {
  it('leaves out the words that name a profile, so they cannot name a source', () => {
    expect(namesIn('UK CPIN military service 2025', vocabulary)).toMatchObject({
      profiles: ['Military service: overview'],
      rest: 'UK CPIN 2025',
    });
  });

  it('names nothing without a vocabulary', () => {
    expect(namesIn('deserters april 2024', undefined)).toEqual({ profiles: [] });
  });
});
