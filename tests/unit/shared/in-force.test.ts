import { describe, expect, it } from 'vitest';
import { inForceOn, isIsoDay, periodsOf } from '../../../src/shared/in-force.ts';
import { inForceAnswer } from '../../../src/client/in-force.ts';

const editions = [
  { id: 'syria-2025-12', data: { label: 'December 2025', published: '2025-12-03' } },
  { id: 'syria-2024-04', data: { label: 'April 2024', published: '2024-04-15', supersededOn: '2025-06-23' } },
  { id: 'syria-2025-06', data: { label: 'June 2025 (interim)', published: '2025-06-23', supersededOn: '2025-12-03' } },
];
const periods = periodsOf(editions);

describe('the guidance in force on a date', () => {
  it('orders the periods oldest first, the current one open-ended', () => {
    expect(periods.map((p) => [p.editionId, p.from, p.until])).toEqual([
      ['syria-2024-04', '2024-04-15', '2025-06-23'],
      ['syria-2025-06', '2025-06-23', '2025-12-03'],
      ['syria-2025-12', '2025-12-03', undefined],
    ]);
  });

  it('gives the April 2024 edition for 1 October 2024 and the interim one for 1 October 2025', () => {
    expect(inForceOn(periods, '2024-10-01')?.editionId).toBe('syria-2024-04');
    expect(inForceOn(periods, '2025-10-01')?.editionId).toBe('syria-2025-06');
  });

  it('hands over on the day the successor is published', () => {
    expect(inForceOn(periods, '2025-06-22')?.editionId).toBe('syria-2024-04');
    expect(inForceOn(periods, '2025-06-23')?.editionId).toBe('syria-2025-06');
    expect(inForceOn(periods, '2030-01-01')?.editionId).toBe('syria-2025-12');
  });

  it('has nothing in force before the first edition, or for a day that is not a date', () => {
    expect(inForceOn(periods, '2024-04-14')).toBeUndefined();
    expect(inForceOn(periods, '2025-02-30')).toBeUndefined();
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2025-02-29')).toBe(false);
  });

  it('answers in a sentence with the period and a link to the text then in force', () => {
    const rows = periods.map((p) => ({
      ...p,
      href: p.editionId === 'syria-2025-06' ? '' : `/syria/${p.editionId.slice(-7)}/deserters/`,
    }));
    expect(inForceAnswer('the Deserters profile', rows, '2024-10-01')).toEqual({
      text: 'On 1 October 2024 the April 2024 edition of the Deserters profile was in force (from 15 April 2024 until 23 June 2025).',
      href: '/syria/2024-04/deserters/',
      linkText: 'Read it as it then stood',
    });
    expect(inForceAnswer('the Deserters profile', rows, '2025-10-01').text).toMatch(
      /The Deserters profile did not exist in that edition\.$/,
    );
    expect(inForceAnswer('the Deserters profile', rows, '2020-01-01').text).toBe(
      'No edition of the Deserters profile was in force on 1 January 2020: the first was published on 15 April 2024.',
    );
  });
});
