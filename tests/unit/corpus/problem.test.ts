import { describe, expect, it } from 'vitest';
import {
  causeRank,
  checkFailed,
  didYouMean,
  formatProblem,
  formatReport,
  nearest,
  RULES,
  sortProblems,
  summariseWarnings,
  type Problem,
  type Rule,
} from '../../../src/corpus/problem.ts';

const problem = (over: Partial<Problem> = {}): Problem => ({
  file: 'content/profiles/syria/2024-04/deserters.mdx',
  line: 29,
  column: 42,
  severity: 'error',
  rule: 'unknown-source',
  message: 'citation names an unknown source "@snhr-2023"',
  hint: 'did you mean "snhr-2023-10-torture"?',
  ...over,
});

describe('formatProblem', () => {
  it('writes `path:line:column  severity  rule  message` and the hint on the next line', () => {
    expect(formatProblem(problem())).toBe(
      'content/profiles/syria/2024-04/deserters.mdx:29:42  error  unknown-source  citation names an unknown source "@snhr-2023"\n' +
        '    hint: did you mean "snhr-2023-10-torture"?',
    );
  });

  it('writes warnings with the word warning', () => {
    expect(
      formatProblem(
        problem({ severity: 'warning', rule: 'orphan-source', message: 'm', hint: 'h', line: 1, column: 1 }),
      ),
    ).toBe('content/profiles/syria/2024-04/deserters.mdx:1:1  warning  orphan-source  m\n    hint: h');
  });
});

describe('formatReport', () => {
  it('lists errors first, then warnings, and ends with a count of each', () => {
    const report = formatReport([
      problem({ file: 'a.yaml', severity: 'warning', rule: 'orphan-source', line: 1, column: 1 }),
      problem({ file: 'b.yaml', line: 1, column: 1 }),
    ]);
    const lines = report.split('\n');
    expect(lines[0]).toMatch(/^b\.yaml:1:1 {2}error /);
    expect(lines[2]).toMatch(/^a\.yaml:1:1 {2}warning /);
    expect(lines.at(-1)).toBe('1 error, 1 warning');
  });

  it('says "0 errors, 0 warnings" when there is nothing to report', () => {
    expect(formatReport([])).toBe('0 errors, 0 warnings');
  });

  it('in summary form gives every error in full but one line per rule of warnings', () => {
    const orphans = Array.from({ length: 30 }, (_, i) =>
      problem({ file: `sources/s-${i}.yaml`, severity: 'warning', rule: 'orphan-source', line: 1, column: 1 }),
    );
    const report = formatReport([...orphans, problem()], { warnings: 'summary' });
    expect(report.split('\n')).toEqual([
      ...formatProblem(problem()).split('\n'),
      '30 warnings orphan-source: sources no finding cites; run npm run check for the list',
      '1 error, 30 warnings',
    ]);
  });
});

describe('summariseWarnings', () => {
  it('counts the warnings of each rule, root causes first, with a singular for one', () => {
    const lines = summariseWarnings([
      problem({ severity: 'warning', rule: 'orphan-source' }),
      problem({ severity: 'warning', rule: 'orphan-source' }),
      problem({ severity: 'warning', rule: 'invalid-field' }),
    ]);
    expect(lines).toEqual([
      '1 warning invalid-field: fields with invalid values; run npm run check for the list',
      '2 warnings orphan-source: sources no finding cites; run npm run check for the list',
    ]);
  });

  it('says nothing when there are no warnings', () => {
    expect(summariseWarnings([])).toEqual([]);
  });
});

describe('causeRank', () => {
  // Each pair: a root cause, then a problem that follows from it in the same file.
  it.each<[Rule, Rule]>([
    ['check-failed', 'syntax'],
    ['syntax', 'unsupported-conclusion'],
    ['syntax', 'uncited-finding'],
    ['unsafe-mdx', 'unknown-source'],
    ['invalid-field', 'unknown-source'],
    ['invalid-field', 'orphan-source'],
    ['duplicate-id', 'unknown-profile'],
    ['unknown-source', 'unsupported-conclusion'],
    ['bad-locator', 'uncited-finding'],
  ])('%s ranks before %s', (cause, consequence) => {
    expect(causeRank(cause)).toBeLessThan(causeRank(consequence));
  });

  it('ranks a rule missing from the table with the references, after parsing and before coverage', () => {
    const unlisted = 'some-new-rule' as Rule;
    expect(causeRank(unlisted)).toBe(causeRank('unknown-source'));
  });

  it('gives every rule in the table a phrase for its warnings', () => {
    for (const [rule, { warnings }] of Object.entries(RULES)) expect(warnings, rule).toMatch(/^\S.+\S$/);
  });
});

describe('sortProblems', () => {
  it('orders by file, then line, column and rule among problems of one rank, without changing its input', () => {
    const input = [
      problem({ file: 'b', line: 1, column: 1 }),
      problem({ file: 'a', line: 2, column: 1 }),
      problem({ file: 'a', line: 1, column: 5, rule: 'unknown-provision' }),
      problem({ file: 'a', line: 1, column: 5, rule: 'bad-locator' }),
    ];
    const sorted = sortProblems(input);
    expect(sorted.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`)).toEqual([
      'a:1:5 bad-locator',
      'a:1:5 unknown-provision',
      'a:2:1 unknown-source',
      'b:1:1 unknown-source',
    ]);
    expect(input[0].file).toBe('b');
  });

  it('lists an unclosed <Finding> before the consequences it causes higher up in its file and in any other', () => {
    const sorted = sortProblems([
      problem({ line: 10, column: 19, rule: 'unsupported-conclusion' }),
      problem({ line: 14, column: 19, rule: 'unsupported-conclusion' }),
      problem({ line: 28, column: 1, rule: 'syntax' }),
      problem({ file: 'a.yaml', line: 5, column: 1, rule: 'orphan-source' }),
    ]);
    expect(sorted.map((p) => `${p.file.at(0)}:${p.line} ${p.rule}`)).toEqual([
      'c:28 syntax',
      'a:5 orphan-source',
      'c:10 unsupported-conclusion',
      'c:14 unsupported-conclusion',
    ]);
  });
});

describe('checkFailed', () => {
  it('is an error at the start of the file, naming what could not run and why', () => {
    expect(checkFailed('content', 'the check checkX', new Error('boom'))).toEqual(
      expect.objectContaining({
        file: 'content',
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'check-failed',
        message: 'the check checkX could not run: boom',
      }),
    );
    expect(checkFailed('content', 'the load', 'a string').message).toBe('the load could not run: a string');
  });
});

describe('nearest', () => {
  const sources = ['snhr-2023-10-torture', 'euaa-cg-syria-2024', 'cjeu-ez-2020', 'eu-qd', 'eu-qr'];

  it.each([
    // one typo: the intended id
    ['eu-qdd', ['eu-qd', 'eu-qr']],
    // a truncated id finds the id containing it
    ['snhr-2023', ['snhr-2023-10-torture']],
    // a wrong year
    ['cjeu-ez-2021', ['cjeu-ez-2020']],
    // nothing close
    ['completely-unrelated', []],
  ])('%s → %o', (id, expected) => {
    expect(nearest(id, sources)).toEqual(expected);
  });

  it('returns at most max ids, closest first', () => {
    expect(nearest('a', ['ab', 'abc', 'abcd', 'b'], 2)).toEqual(['ab', 'abc']);
  });
});

describe('didYouMean', () => {
  it('names one close id', () => {
    expect(didYouMean('report-2021', ['report-2022', 'news-2024'], 'fallback')).toBe('did you mean "report-2022"?');
  });

  it('names several close ids joined with "or"', () => {
    expect(didYouMean('qd-9-2', ['qd-9-1', 'qd-9-2-e'], 'fallback')).toBe('did you mean "qd-9-2-e" or "qd-9-1"?');
  });

  it('falls back when nothing is close', () => {
    expect(didYouMean('zzzzzzzzzz', ['report-2022'], 'register the source')).toBe('register the source');
  });
});
