import type { Corpus } from '../corpus/corpus.ts';
import { earliestDay, formatDate, isCalendarDate } from '../shared/dates.ts';
import type { Problem } from '../corpus/problem.ts';

/** A date as the scanner accepts it (YYYY-MM or YYYY-MM-DD); anything else the scanner already reports. */
const AS_OF_SHAPE = /^\d{4}-\d{2}(?:-\d{2})?$/;

/**
 * A finding's `asOf` or a profile's `lastUpdate` lies after the edition's publication: an edition cannot describe
 * facts as they stood after it appeared. A date given by month counts from the 1st, so only what is provably later
 * fails. A finding's `asOf` must also be a real day (2025-02-30 is not): fields in YAML get that from the schema.
 */
export function checkDateAfterPublication(c: Corpus): Problem[] {
  const problems: Problem[] = [];
  for (const p of c.profiles) {
    const published = c.editions.get(p.edition)?.data?.published;
    for (const f of p.scan.findings) {
      const at = p.at(f.attrOffsets.asOf ?? f.offset);
      if (!AS_OF_SHAPE.test(f.asOf)) continue;
      if (!isCalendarDate(f.asOf)) {
        problems.push({
          file: p.file,
          ...at,
          severity: 'error',
          rule: 'invalid-field',
          message: `asOf "${f.asOf}" of finding "${f.id}" is not a day of the calendar`,
          hint: 'check the day of the month: write a date that exists, YYYY-MM-DD or YYYY-MM',
        });
      } else if (published && earliestDay(f.asOf) > published) {
        problems.push({
          file: p.file,
          ...at,
          severity: 'error',
          rule: 'date-after-publication',
          message: `finding "${f.id}" is as of ${formatDate(f.asOf)}, after its edition was published (${formatDate(published)})`,
          hint: 'correct the date, or move the finding to a later edition',
        });
      }
    }
    const lastUpdate = p.data?.lastUpdate;
    if (published && lastUpdate && earliestDay(lastUpdate) > published) {
      problems.push({
        file: p.file,
        ...p.at(['lastUpdate']),
        severity: 'error',
        rule: 'date-after-publication',
        message: `lastUpdate ${formatDate(lastUpdate)} is after the edition was published (${formatDate(published)})`,
        hint: 'lastUpdate is the month of the last change in this edition; it cannot be later than the edition',
      });
    }
  }
  return problems;
}
