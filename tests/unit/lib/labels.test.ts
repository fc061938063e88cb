import { describe, expect, it } from 'vitest';
import { KNOWN_FROM_NOTE, nexusPhrase, riskAnswerLine, withProvenance } from '../../../src/lib/labels.ts';

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

describe('risk answer line in search results', () => {
  it('names the official text as the source of an official conclusion', () => {
    expect(riskAnswerLine({ level: 'in-general', knownFrom: 'official-text' })).toBe('Level of risk: Well-founded fear in general substantiated (official text)');
  });

  it('says where any other conclusion comes from, and says plainly when the risk is not known', () => {
    expect(riskAnswerLine({ level: 'individual', knownFrom: 'press-release' })).toBe('Level of risk: Individual assessment (from a press release)');
    expect(riskAnswerLine({ status: 'not-known' })).toBe('Level of risk: not known');
  });
});

describe('nexus phrase', () => {
  it('says a reason may exist but is unnamed rather than that none is established', () => {
    expect(nexusPhrase({ grounds: [], groundNotNamed: true })).toBe('A reason may be established; none named');
    expect(nexusPhrase({ grounds: [] })).toBe('No reason for persecution established');
  });

  it('lists the grounds when the source names them', () => {
    expect(nexusPhrase({ grounds: [{ ground: 'religion', imputed: false, likelihood: 'may' }] })).toBe('religion: may be');
  });
});
