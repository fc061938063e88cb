import { describe, expect, it } from 'vitest';
import { checkFixture, edit, FILES, ofRule } from '../support/corpus-fixture.ts';

/** The fixture country with turning points (and optionally a limit); its current edition is of 1 June 2024. */
const country =
  (points: string, extra = '') =>
  (current: string) =>
    `${current.trimEnd()}\n${extra}turningPoints:\n${points}`;
const point = (id: string, date: string, cite = '{ source: report-2022, locator: "sec. 1" }') =>
  `  - { id: ${id}, date: "${date}", title: A turning point, summary: Something changed., citations: [${cite}] }\n`;

describe('stale-evidence', () => {
  it('warns on each current conclusion whose findings all predate the latest turning point before the edition', () => {
    const problems = ofRule(
      checkFixture({ [FILES.country]: country(point('upheaval', '2024-04-15')) }),
      'stale-evidence',
    );
    // At each conclusion: persecution, risk and nexus (lines 6 to 8); exclusion names no finding.
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual([6, 7, 8].map((line) => `${FILES.evaders2024}:${line}`));
    expect(problems[0]).toMatchObject({
      severity: 'warning',
      message:
        'the persecution conclusion rests only on evidence from before the latest turning point: A turning point (15 April 2024)',
    });
  });

  it('is silent when the conclusion says why it still stands', () => {
    const problems = checkFixture({
      [FILES.country]: country(point('upheaval', '2024-04-15')),
      [FILES.evaders2024]: edit(
        'summary: No persecution is reported., supportedBy',
        'summary: No persecution is reported., evidenceNote: The official text relies on it., supportedBy',
      ),
    });
    expect(ofRule(problems, 'stale-evidence').map((p) => p.line)).toEqual([7, 8]);
  });

  it('ignores turning points after the edition and superseded editions', () => {
    // 2022-01-01 precedes every finding of both editions; 2024-07-01 comes after the current edition.
    const problems = checkFixture({
      [FILES.country]: country(point('early', '2022-01-01') + point('later', '2024-07-01')),
    });
    expect(ofRule(problems, 'stale-evidence')).toEqual([]);
  });

  it('warns when the newest finding is older than the country limit at the edition date', () => {
    const stale = checkFixture({ [FILES.country]: country('    []\n', 'staleAfterMonths: 1\n') });
    expect(ofRule(stale, 'stale-evidence').map((p) => p.message)[0]).toBe(
      "the persecution conclusion rests only on evidence more than 1 months old (2 months) at the edition's date",
    );
    expect(
      ofRule(checkFixture({ [FILES.country]: country('    []\n', 'staleAfterMonths: 2\n') }), 'stale-evidence'),
    ).toEqual([]);
  });

  it('the valid fixture has none', () => {
    expect(ofRule(checkFixture(), 'stale-evidence')).toEqual([]);
  });
});

describe('turning points', () => {
  it('pass when cited with valid pinpoints and in order', () => {
    expect(checkFixture({ [FILES.country]: country(point('a', '2022-01-01') + point('b', '2022-02-01')) })).toEqual([]);
  });

  it('report an unknown source, a pinpoint outside the source and a missing pinpoint', () => {
    const problems = checkFixture({
      [FILES.country]: country(
        point('a', '2022-01-01', '{ source: report-2021, locator: "sec. 1" }') +
          point('b', '2022-02-01', '{ source: report-2022, locator: "sec. 9" }') +
          point('c', '2022-03-01', '{ source: report-2022 }'),
      ),
    });
    expect(problems.map((p) => `${p.rule} ${p.message.split(':')[0]}`)).toEqual([
      'unknown-source turning point "a" cites an unknown source "report-2021"',
      'bad-locator turning point "b", @report-2022, sec. 9',
      'bad-locator turning point "c", @report-2022',
    ]);
  });

  it('report points out of order, an end before the start and a duplicate id', () => {
    const problems = checkFixture({
      [FILES.country]: country(
        point('a', '2022-02-01') +
          point('b', '2022-01-01') +
          '  - { id: a, date: "2022-03-01", until: "2022-02-01", title: T, summary: S., citations: [{ source: news-2024 }] }\n',
      ),
    });
    expect(problems.map((p) => `${p.line} ${p.rule} ${p.message}`)).toEqual([
      '6 invalid-field turning point "b" (2022-01-01) comes after "a" (2022-02-01) but is earlier',
      '7 duplicate-id turning point "a" is defined twice',
      '7 invalid-field turning point "a" ends before it starts',
    ]);
  });

  it('report a date that is not a day of the calendar', () => {
    const problems = checkFixture({ [FILES.country]: country(point('a', '2022-02-30')) });
    expect(problems.map((p) => `${p.rule} ${p.message}`)).toEqual([
      'invalid-field turningPoints.0.date: is not a day of the calendar (check the day of the month)',
    ]);
  });

  it('count as citing their sources (no orphan-source)', () => {
    const problems = checkFixture({
      'sources/only-tp.yaml':
        'type: report\ntitle: T\nshortTitle: T\nauthor: [{ literal: O }]\nissued: "2020"\ndescription: D.\naccess: read\n',
      [FILES.country]: country(point('a', '2022-01-01', '{ source: only-tp }')),
    });
    expect(ofRule(problems, 'orphan-source')).toEqual([]);
  });
});
