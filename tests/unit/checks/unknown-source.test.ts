import { describe, expect, it } from 'vitest';
import { checkFixture, edit, FILES, ofRule } from '../support/corpus-fixture.ts';

describe('unknown-source', () => {
  it('a citation to an unknown source fails with file, line and column and suggests the nearest id', () => {
    const problems = checkFixture({ [FILES.deserters]: edit('[@report-2022, sec. 2', '[@report-2021, sec. 2') });
    expect(ofRule(problems, 'unknown-source')).toEqual([
      {
        file: 'profiles/testland/2023-01/deserters.mdx',
        line: 29,
        column: 42, // the "@" of the item, in the whole file including frontmatter
        severity: 'error',
        rule: 'unknown-source',
        message: 'citation names an unknown source "@report-2021"',
        hint: 'did you mean "report-2022"?',
      },
    ]);
  });

  it('points at the unknown item itself when it is the second in a cluster', () => {
    const problems = checkFixture({
      [FILES.deserters]: edit('[@eu-qd, art. 9]', '[@eu-qd, art. 9; @eu-qdd, art. 10]'),
    });
    const [p] = ofRule(problems, 'unknown-source');
    expect([p.line, p.column]).toEqual([34, 32]);
    expect(p.hint).toBe('did you mean "eu-qd"?');
  });

  it('says how to register a source when no known id is close', () => {
    const problems = checkFixture({ [FILES.evaders2024]: edit('[@news-2024]', '[@completely-unrelated-thing]') });
    expect(ofRule(problems, 'unknown-source')).toEqual([
      expect.objectContaining({
        line: 13,
        column: 35,
        hint: 'register the source as content/sources/<id>.yaml, or correct the id',
      }),
    ]);
  });

  it('an edition whose basedOn names no registered source fails at the basedOn value', () => {
    const problems = checkFixture({ [FILES.edition2023]: edit('basedOn: report-2022', 'basedOn: report-2020') });
    expect(ofRule(problems, 'unknown-source')).toEqual([
      {
        file: 'editions/testland-2023-01.yaml',
        line: 8,
        column: 10,
        severity: 'error',
        rule: 'unknown-source',
        message: 'basedOn names an unknown source "report-2020"',
        hint: 'did you mean "report-2022"?',
      },
    ]);
  });

  it('a provision whose source names no registered source fails at the source value', () => {
    const problems = checkFixture({ [FILES.qd9]: edit('source: eu-qd', 'source: eu-qr') });
    expect(ofRule(problems, 'unknown-source')).toEqual([
      {
        file: 'law/qd-9.yaml',
        line: 8,
        column: 9,
        severity: 'error',
        rule: 'unknown-source',
        message: 'source names an unknown source "eu-qr"',
        hint: 'did you mean "eu-qd"?',
      },
    ]);
  });

  it('citations, basedOn and provision sources that are all registered pass', () => {
    expect(ofRule(checkFixture(), 'unknown-source')).toEqual([]);
  });
});
