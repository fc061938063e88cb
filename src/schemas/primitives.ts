/** The building blocks of every content schema: ids, dates as authors write them, and text that says something. */
import { z } from 'astro/zod';
import { isCalendarDate } from '../shared/dates.ts';
import { explainBadId, ID_PATTERN } from './id.ts';

export { ID_PATTERN };

/** A kebab-case identifier: lower-case letters, digits and single hyphens (see ./id.ts). */
export const Id = z.string().regex(ID_PATTERN, {
  error: (issue) => explainBadId(String(issue.input)) ?? 'must be kebab-case (a-z, 0-9, single hyphens)',
});

/** 2025-02-30 has the shape of a date but is none; YAML loaders and `new Date` would roll it into March. */
const REAL_DATE = { error: 'is not a day of the calendar (check the day of the month)' } as const;

/**
 * A calendar date as written by authors: `2024`, `2024-04` or `2024-04-15`.
 * YAML loaders may already have turned a full date into a `Date`; it is turned back into its ISO form.
 */
export const PartialDate = z.preprocess(
  // YAML reads an unquoted `2011` as a number and an unquoted full date as a Date.
  (value) =>
    value instanceof Date ? value.toISOString().slice(0, 10) : Number.isInteger(value) ? String(value) : value,
  z
    .string()
    .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, {
      error: 'must be a date written as YYYY, YYYY-MM or YYYY-MM-DD',
      abort: true,
    })
    .refine(isCalendarDate, REAL_DATE),
);

/** A full calendar date, `2024-04-15`. */
export const FullDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z
    .string()
    .regex(/^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/, {
      error: 'must be a date written as YYYY-MM-DD',
      abort: true,
    })
    .refine(isCalendarDate, REAL_DATE),
);

/** Plain text that must say something. */
export const Text = z.string().trim().min(1, { error: 'must not be empty' });
