import type { Corpus, Entry } from '../corpus/corpus.ts';
import { earliestDay, formatDate } from '../shared/dates.ts';
import type { Problem } from '../corpus/problem.ts';

/**
 * The latest calendar day it is anywhere on Earth (UTC+14): an author east of the build machine may date a visit
 * "tomorrow" by the machine's clock, and that is not a date in the future.
 */
export function latestToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * A date after the day of the build: a source read (`accessed`) or published (`issued`), or an edition published,
 * in the future. `today` (YYYY-MM-DD) is injectable so that tests do not depend on the clock.
 */
export function checkFutureDate(c: Corpus, today: string = latestToday()): Problem[] {
  const problems: Problem[] = [];
  const check = (e: Entry<unknown>, field: string, date: string | undefined, what: string) => {
    if (!date || earliestDay(date) <= today) return;
    problems.push({
      file: e.file,
      ...e.at([field]),
      severity: 'error',
      rule: 'future-date',
      message: `${field} ${formatDate(date)} is in the future: ${what}`,
      hint: 'correct the date; content records what has already happened',
    });
  };
  for (const s of c.sources.values()) {
    check(s, 'accessed', s.data?.accessed, 'a source cannot have been read yet');
    check(s, 'issued', s.data?.issued, 'a source cannot have been published yet');
  }
  for (const e of c.editions.values())
    check(e, 'published', e.data?.published, 'an edition is built when it is published');
  return problems;
}
