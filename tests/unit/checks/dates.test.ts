import { describe, expect, it } from 'vitest';
import { checkFutureDate, latestToday } from '../../../src/checks/future-date.ts';
import { checkFixture, edit, FILES, loadFixture, ofRule } from '../support/corpus-fixture.ts';

describe('unquoted-date: YAML dates are written in quotes', () => {
  it('an unquoted date in a YAML file fails at the value and says to quote it', () => {
    const problems = checkFixture({ [FILES.edition2024]: edit('published: "2024-06-01"', 'published: 2024-06-01') });
    expect(ofRule(problems, 'unquoted-date')).toEqual([
      {
        file: FILES.edition2024,
        line: 4,
        column: 12,
        severity: 'error',
        rule: 'unquoted-date',
        message:
          'published: the date 2024-06-01 is not in quotes, so YAML tools read it as a timestamp and may change it',
        hint: 'write it in quotes: "2024-06-01"',
      },
    ]);
  });

  it('an unquoted impossible date is not rolled into March: it fails twice, unquoted and not a day', () => {
    const corpus = loadFixture({ [FILES.news]: edit('issued: "2024-03-02"', 'issued: 2025-02-30') });
    expect(corpus.problems.map((p) => `${p.line}:${p.column} ${p.rule} ${p.message}`)).toEqual([
      '5:9 unquoted-date issued: the date 2025-02-30 is not in quotes, so YAML tools read it as a timestamp and may change it',
      '5:9 invalid-field issued: is not a day of the calendar (check the day of the month)',
    ]);
  });

  it('an unquoted date in frontmatter, or a date-time, fails too', () => {
    const problems = checkFixture({
      [FILES.evaders2024]: edit('lastUpdate: "2024-06"', 'lastUpdate: 2024-05-31'),
      [FILES.report]: edit('accessed: "2026-11-01"', 'accessed: 2026-11-01T10:00:00Z'),
    });
    expect(ofRule(problems, 'unquoted-date').map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual([
      `${FILES.evaders2024}:4:13`,
      `${FILES.report}:7:11`,
    ]);
  });

  it('an unquoted year or month is not a timestamp and passes', () => {
    expect(
      ofRule(
        checkFixture({ [FILES.evaders2024]: edit('lastUpdate: "2024-06"', 'lastUpdate: 2024-06') }),
        'unquoted-date',
      ),
    ).toEqual([]);
  });
});

describe('invalid-field: dates are days of the calendar', () => {
  it.each([
    [FILES.edition2024, 'published: "2024-06-01"', 'published: "2024-02-30"', 'published'],
    [FILES.news, 'issued: "2024-03-02"', 'issued: "2023-02-29"', 'issued'],
    [FILES.report, 'accessed: "2026-11-01"', 'accessed: "2026-11-31"', 'accessed'],
    [FILES.evaders2024, 'lastUpdate: "2024-06"', 'lastUpdate: "2024-04-31"', 'lastUpdate'],
  ])('%s: %s → %s fails', (file, from, to, field) => {
    expect(ofRule(checkFixture({ [file]: edit(from, to) }), 'invalid-field')).toEqual([
      expect.objectContaining({ file, message: `${field}: is not a day of the calendar (check the day of the month)` }),
    ]);
  });

  it('a leap day passes', () => {
    expect(
      ofRule(checkFixture({ [FILES.news]: edit('issued: "2024-03-02"', 'issued: "2024-02-29"') }), 'invalid-field'),
    ).toEqual([]);
  });

  it('a finding as of 30 February fails at its asOf', () => {
    const problems = checkFixture({ [FILES.evaders2024]: edit('asOf="2024-03"', 'asOf="2024-02-30"') });
    expect(ofRule(problems, 'invalid-field')).toEqual([
      {
        file: FILES.evaders2024,
        line: 12,
        column: 41,
        severity: 'error',
        rule: 'invalid-field',
        message: 'asOf "2024-02-30" of finding "end-of-conscription" is not a day of the calendar',
        hint: 'check the day of the month: write a date that exists, YYYY-MM-DD or YYYY-MM',
      },
    ]);
  });
});

describe('date-after-publication', () => {
  it('a finding as of January 2099 fails at its asOf, with both dates', () => {
    const problems = checkFixture({ [FILES.evaders2024]: edit('asOf="2024-03"', 'asOf="2099-01"') });
    expect(ofRule(problems, 'date-after-publication')).toEqual([
      {
        file: FILES.evaders2024,
        line: 12,
        column: 41,
        severity: 'error',
        rule: 'date-after-publication',
        message: 'finding "end-of-conscription" is as of January 2099, after its edition was published (1 June 2024)',
        hint: 'correct the date, or move the finding to a later edition',
      },
    ]);
  });

  it('a finding as of the day after publication fails; as of the publication month or day passes', () => {
    const asOf = (date: string) =>
      ofRule(checkFixture({ [FILES.evaders2024]: edit('asOf="2024-03"', `asOf="${date}"`) }), 'date-after-publication');
    expect(asOf('2024-06-02')).toHaveLength(1);
    expect(asOf('2024-06-01')).toEqual([]);
    expect(asOf('2024-06')).toEqual([]);
  });

  it('a lastUpdate after the edition fails at the field', () => {
    const problems = checkFixture({ [FILES.evaders2024]: edit('lastUpdate: "2024-06"', 'lastUpdate: "2024-07"') });
    expect(ofRule(problems, 'date-after-publication')).toEqual([
      expect.objectContaining({
        file: FILES.evaders2024,
        line: 4,
        column: 13,
        message: 'lastUpdate July 2024 is after the edition was published (1 June 2024)',
      }),
    ]);
  });
});

describe('future-date', () => {
  const corpus = () => loadFixture({ [FILES.report]: edit('accessed: "2026-11-01"', 'accessed: "2026-11-02"') });

  it('a source accessed after today fails at the field (today injected)', () => {
    expect(checkFutureDate(corpus(), '2026-11-01')).toEqual([
      {
        file: FILES.report,
        line: 7,
        column: 11,
        severity: 'error',
        rule: 'future-date',
        message: 'accessed 2 November 2026 is in the future: a source cannot have been read yet',
        hint: 'correct the date; content records what has already happened',
      },
    ]);
  });

  it('a source accessed today passes', () => {
    expect(checkFutureDate(corpus(), '2026-11-02')).toEqual([]);
  });

  it('a source issued or an edition published in the future fails', () => {
    const c = loadFixture();
    expect(checkFutureDate(c, '2024-01-01').map((p) => `${p.file}:${p.line} ${p.message.split(':')[0]}`)).toEqual([
      `${FILES.news}:5 issued 2 March 2024 is in the future`,
      `${FILES.report}:7 accessed 1 November 2026 is in the future`,
      `${FILES.edition2024}:4 published 1 June 2024 is in the future`,
    ]);
  });

  it('runs in every check with the real clock: accessed in 2099 fails', () => {
    expect(
      ofRule(checkFixture({ [FILES.report]: edit('accessed: "2026-11-01"', 'accessed: "2099-01-01"') }), 'future-date'),
    ).toHaveLength(1);
  });

  it('"today" is the latest date anywhere on Earth, so an author east of the build machine is not refused', () => {
    expect(latestToday(new Date('2026-12-01T09:59:00Z'))).toBe('2026-12-01');
    expect(latestToday(new Date('2026-12-01T10:00:00Z'))).toBe('2026-12-02');
  });
});
