import { describe, expect, it } from 'vitest';
import { compareVersions, comparisonPairs, comparisonSlug } from '../../../src/site/compare-editions.ts';
import { edit, FILES, loadFixture } from '../support/corpus-fixture.ts';

const versions = (changes = {}) => {
  const corpus = loadFixture(changes);
  const find = (file: string) => corpus.profiles.find((p) => p.file === file)!;
  return { before: find(FILES.evaders2023), after: find(FILES.evaders2024) };
};

describe('comparing two editions of a profile', () => {
  it('sets the conclusions side by side and marks the ones that changed', () => {
    const { before, after } = versions();
    const { conclusions } = compareVersions(before, after);
    expect(conclusions.map((c) => [c.key, c.before, c.after, c.changed])).toEqual([
      ['persecution', 'Depends on the case', 'Does not amount to persecution (from a secondary report)', true],
      [
        'risk',
        'Only with risk-impacting circumstances',
        'In general not substantiated (from a secondary report)',
        true,
      ],
      [
        'nexus',
        '(imputed) political opinion: may be',
        'No reason for persecution established (from a secondary report)',
        true,
      ],
      ['exclusion', 'No exclusion indicators noted', 'No exclusion indicators noted (from a secondary report)', true],
    ]);
  });

  it('lists findings added and removed, and the sources added and dropped', () => {
    const { before, after } = versions();
    const diff = compareVersions(before, after);
    expect(diff.findings.map((f) => [f.id, f.change])).toEqual([
      ['end-of-conscription', 'added'],
      ['call-ups', 'removed'],
    ]);
    expect(diff.sourcesAdded).toEqual(['news-2024']);
    expect(diff.sourcesDropped).toEqual(['report-2022']);
  });

  it('diffs a reworded finding word by word', () => {
    const { before, after } = versions({
      [FILES.evaders2024]: edit(
        '<Finding id="end-of-conscription" asOf="2024-03" title="Conscription ended">\nConscription ended in March 2024 [@news-2024].',
        '<Finding id="call-ups" asOf="2024-03" title="Call-ups stopped">\nCall-ups stopped in March 2024 [@news-2024].',
      ),
    });
    const [finding] = compareVersions(before, after).findings;
    expect(finding.change).toBe('changed');
    expect(finding.words.filter((w) => w.change !== 'same').map((w) => [w.change, w.text.trim()])).toEqual([
      ['removed', 'continued'],
      ['added', 'stopped in March 2024'],
    ]);
  });

  it('shows a finding rewritten from start to end as the old text removed and the new text added', () => {
    const rewritten = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const { before, after } = versions({
      [FILES.evaders2024]: edit(
        '<Finding id="end-of-conscription" asOf="2024-03" title="Conscription ended">\nConscription ended in March 2024 [@news-2024].',
        `<Finding id="call-ups" asOf="2024-03" title="Call-ups stopped">\n${rewritten} [@news-2024].`,
      ),
    });
    const [finding] = compareVersions(before, after).findings;
    expect(finding.change).toBe('changed');
    expect(finding.words.map((w) => w.change)).toEqual(['removed', 'added']);
    expect(finding.words[1].text).toContain('word59');
  });

  it('finds no change between a version and itself', () => {
    const { before } = versions();
    const diff = compareVersions(before, before);
    expect(diff.conclusions.every((c) => !c.changed)).toBe(true);
    expect(diff.findings.every((f) => f.change === 'same')).toBe(true);
  });

  it('names a comparison by its two editions, older first', () => {
    const { before, after } = versions();
    expect(comparisonSlug(before, after)).toBe('2023-01..2024-06');
  });
});

describe('comparisonPairs', () => {
  it('gives every pair of versions once, the earlier first: n(n−1)/2 of them', () => {
    const pairs = comparisonPairs(['2023', '2024', '2025', '2026']).map(({ before, after }) => `${before}..${after}`);
    expect(pairs).toEqual(['2023..2024', '2023..2025', '2023..2026', '2024..2025', '2024..2026', '2025..2026']);
    expect(comparisonPairs(['only'])).toEqual([]);
  });
});
