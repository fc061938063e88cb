import { describe, expect, it } from 'vitest';
import {
  earliestDay,
  formatDate,
  formatShortDate,
  isCalendarDate,
  monthSlug,
  parsePartialDate,
} from '../../../src/shared/dates.ts';

describe('formatDate', () => {
  it.each([
    // a full date reads day, month name, year
    ['2024-04-15', '15 April 2024'],
    // no leading zero on the day
    ['2024-04-05', '5 April 2024'],
    // a month-only date reads month and year
    ['2024-04', 'April 2024'],
    // a year stays a year
    ['2024', '2024'],
    // the ends of the year
    ['2023-01-01', '1 January 2023'],
    ['2023-12', 'December 2023'],
  ])('%s → %s', (iso, text) => {
    expect(formatDate(iso)).toBe(text);
  });
});

describe('formatShortDate', () => {
  it.each([
    ['2023-10-10', 'Oct 2023'],
    ['2023-10', 'Oct 2023'],
    ['2021', '2021'],
  ])('%s → %s', (iso, text) => {
    expect(formatShortDate(iso)).toBe(text);
  });
});

describe('earliestDay', () => {
  it.each([
    // a full date is itself
    ['2024-04-15', '2024-04-15'],
    // a month counts from its first day
    ['2024-04', '2024-04-01'],
    // a year counts from 1 January
    ['2024', '2024-01-01'],
  ])('%s → %s', (iso, day) => {
    expect(earliestDay(iso)).toBe(day);
  });

  it('compares correctly as a string against a full cut-off date', () => {
    expect(earliestDay('2024-06') <= '2024-06-01').toBe(true);
    expect(earliestDay('2024-07') <= '2024-06-30').toBe(false);
  });
});

describe('parsePartialDate and monthSlug', () => {
  it('splits a partial date into numbers, leaving missing parts undefined', () => {
    expect(parsePartialDate('2024-04')).toEqual({ year: 2024, month: 4, day: undefined });
  });

  it('takes the month slug of a full date', () => {
    expect(monthSlug('2024-04-15')).toBe('2024-04');
  });
});

describe('isCalendarDate', () => {
  it.each(['2024', '2024-02', '2024-02-29', '2000-02-29', '2025-12-31', '2025-04-30'])('%s is a date', (iso) => {
    expect(isCalendarDate(iso)).toBe(true);
  });

  it.each([
    '2025-02-30',
    '2025-02-29',
    '1900-02-29',
    '2025-04-31',
    '2025-13',
    '2025-00',
    '2025-01-00',
    '2025-1-5',
    'soon',
    '',
  ])('%j is not', (iso) => {
    expect(isCalendarDate(iso)).toBe(false);
  });
});
