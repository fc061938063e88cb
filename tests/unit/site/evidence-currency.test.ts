import { describe, expect, it } from 'vitest';
import { evidenceSpan, staleness } from '../../../src/shared/evidence-currency.ts';
import { latestDay, monthsBetween } from '../../../src/shared/dates.ts';

const points = [
  { id: 'fall', date: '2024-12-08' },
  { id: 'declaration', date: '2025-03-13' },
];

describe('evidence span', () => {
  it('spans the earliest and latest asOf, whatever their precision or order', () => {
    expect(evidenceSpan(['2023-08', '2021', '2023-11-30'], [], '2024-04-15')).toEqual({
      from: '2021',
      to: '2023-11-30',
      predates: [],
    });
  });

  it('is null without findings', () => {
    expect(evidenceSpan([], points, '2025-12-03')).toBeNull();
  });

  it('names the turning points before the measuring date that every finding predates, oldest first', () => {
    expect(evidenceSpan(['2023-08', '2024-11'], [...points].reverse(), '2025-12-03')?.predates).toEqual([
      'fall',
      'declaration',
    ]);
  });

  it('measures a superseded edition against its own date: later turning points do not count', () => {
    expect(evidenceSpan(['2023-08'], points, '2024-04-15')?.predates).toEqual([]);
    expect(evidenceSpan(['2023-08'], points, '2025-01-01')?.predates).toEqual(['fall']);
  });

  it('does not claim a finding dated by month predates a turning point inside that month', () => {
    expect(evidenceSpan(['2024-12'], points, '2025-12-03')?.predates).toEqual(['declaration']);
    expect(evidenceSpan(['2024-12-07'], points, '2025-12-03')?.predates).toEqual(['fall', 'declaration']);
  });

  it('one finding after a turning point is enough for the span not to predate it', () => {
    expect(evidenceSpan(['2019-12', '2025-01'], points, '2025-12-03')?.predates).toEqual(['declaration']);
  });
});

describe('staleness', () => {
  const at = '2025-12-03';
  it('is the latest turning point before the date when every finding predates it', () => {
    const span = evidenceSpan(['2025-01'], points, at)!;
    expect(staleness(span, points, at, 24)).toEqual({ kind: 'turning-point', point: 'declaration' });
  });

  it('is not stale when some finding postdates the latest turning point and is recent', () => {
    const span = evidenceSpan(['2023-01', '2025-06'], points, at)!;
    expect(staleness(span, points, at, 24)).toBeNull();
  });

  it('is stale by age when the newest finding is older than the limit at the date', () => {
    const span = evidenceSpan(['2021-03', '2022-08'], [], '2024-12-01')!;
    expect(staleness(span, [], '2024-12-01', 24)).toEqual({ kind: 'age', months: 27, limit: 24 });
    expect(staleness(span, [], '2024-12-01', 27)).toBeNull();
  });
});

describe('dates for evidence', () => {
  it('reads the last day a partial date can mean', () => {
    expect([latestDay('2024-02'), latestDay('2023-02'), latestDay('2024'), latestDay('2024-04-15')]).toEqual([
      '2024-02-29',
      '2023-02-28',
      '2024-12-31',
      '2024-04-15',
    ]);
  });

  it('counts whole months between two days', () => {
    expect(monthsBetween('2023-01-31', '2025-01-30')).toBe(23);
    expect(monthsBetween('2023-01-31', '2025-01-31')).toBe(24);
  });
});
