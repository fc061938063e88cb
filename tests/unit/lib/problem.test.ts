import { describe, expect, it } from 'vitest';
import { didYouMean, formatProblem, formatReport, nearest, sortProblems, type Problem } from '../../../src/lib/problem.ts';

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
    expect(formatProblem(problem({ severity: 'warning', rule: 'orphan-source', message: 'm', hint: 'h', line: 1, column: 1 }))).toBe(
      'content/profiles/syria/2024-04/deserters.mdx:1:1  warning  orphan-source  m\n    hint: h',
    );
  });
});

describe('formatReport', () => {
  it('lists the problems in order and ends with a count of errors and warnings', () => {
    const report = formatReport([problem({ file: 'b.yaml', line: 1, column: 1 }), problem({ file: 'a.yaml', severity: 'warning', line: 1, column: 1 })]);
    const lines = report.split('\n');
    expect(lines[0]).toMatch(/^a\.yaml:1:1  warning /);
    expect(lines[2]).toMatch(/^b\.yaml:1:1  error /);
    expect(lines.at(-1)).toBe('1 error, 1 warning');
  });

  it('says "0 errors, 0 warnings" when there is nothing to report', () => {
    expect(formatReport([])).toBe('0 errors, 0 warnings');
  });
});

describe('sortProblems', () => {
  it('orders by file, then line, then column, then rule, without changing its input', () => {
    const input = [
      problem({ file: 'b', line: 1, column: 1 }),
      problem({ file: 'a', line: 2, column: 1 }),
      problem({ file: 'a', line: 1, column: 5, rule: 'unsafe-mdx' }),
      problem({ file: 'a', line: 1, column: 5, rule: 'bad-locator' }),
    ];
    const sorted = sortProblems(input);
    expect(sorted.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`)).toEqual(['a:1:5 bad-locator', 'a:1:5 unsafe-mdx', 'a:2:1 unknown-source', 'b:1:1 unknown-source']);
    expect(input[0].file).toBe('b');
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
