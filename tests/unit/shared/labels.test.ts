import { describe, expect, it } from 'vitest';
import {
  conclusionsLine,
  KNOWN_FROM_NOTE,
  nexusPhrase,
  provenanceMark,
  withProvenance,
} from '../../../src/shared/labels.ts';

describe('provenance labels', () => {
  it('adds nothing to a conclusion taken from the official text', () => {
    expect(withProvenance('Individual assessment', 'official-text')).toBe('Individual assessment');
    expect(KNOWN_FROM_NOTE['official-text']).toBeNull();
  });

  it.each([
    ['press-release', 'from a press release'],
    ['secondary', 'from a secondary report'],
    ['inference', 'our inference'],
  ] as const)('says in tables when a conclusion is known from %s', (knownFrom, words) => {
    expect(withProvenance('In general not substantiated', knownFrom)).toBe(`In general not substantiated (${words})`);
    expect(KNOWN_FROM_NOTE[knownFrom]).toMatch(/\S/);
  });
});

describe('a profile’s answer in one line, in search results', () => {
  it('says where each conclusion comes from when it is not the official text, and says plainly what is not known', () => {
    expect(
      conclusionsLine({
        persecution: { answer: 'yes', knownFrom: 'official-text' },
        risk: { level: 'individual', knownFrom: 'press-release' },
        nexus: { status: 'not-known' },
      } as never),
    ).toBe(
      'Article 9: Amounts to persecution · Risk: Individual assessment (from a press release) · Reason: Not known',
    );
  });
});

describe('nexus phrase', () => {
  it('says a reason may exist but is unnamed rather than that none is established', () => {
    expect(nexusPhrase({ grounds: [], groundNotNamed: true })).toBe('A reason may be established; none named');
    expect(nexusPhrase({ grounds: [] })).toBe('No reason for persecution established');
  });

  it('lists the grounds when the source names them', () => {
    expect(nexusPhrase({ grounds: [{ ground: 'religion', imputed: false, likelihood: 'may' }] })).toBe(
      'religion: may be',
    );
  });
});

describe('the provenance mark beside each answer under a profile’s title', () => {
  it.each([
    ['official-text', 'official'],
    ['press-release', 'press release'],
    ['secondary', 'secondary report'],
    ['inference', 'our inference'],
  ] as const)('marks an answer known from %s as "%s"', (knownFrom, mark) => {
    expect(provenanceMark({ level: 'individual', knownFrom })).toBe(mark);
  });
  it('marks an answer without a recorded provenance as official, and none for a gap (its answer says "Not known")', () => {
    expect(provenanceMark({ answer: 'yes' })).toBe('official');
    expect(provenanceMark({ status: 'not-known' })).toBeUndefined();
  });
});
