import { describe, expect, it } from 'vitest';
import { checkFixture, edit, FILES, insertAfter, loadFixture, ofRule } from '../support/corpus-fixture.ts';

describe('invalid-field', () => {
  it("a bad enum value in frontmatter reports the field path, the value's line:column and the allowed values", () => {
    const problems = checkFixture({ [FILES.deserters]: edit('    answer: yes', '    answer: maybe') });
    expect(ofRule(problems, 'invalid-field')).toEqual([
      {
        file: 'profiles/testland/2023-01/deserters.mdx',
        line: 7,
        column: 13,
        severity: 'error',
        rule: 'invalid-field',
        message: 'conclusions.persecution.answer: Invalid option: expected one of "yes"|"no"|"depends"',
        hint: 'allowed values: yes, no, depends',
      },
    ]);
  });

  it('a bad enum value inside a flow mapping points at the value', () => {
    const problems = checkFixture({ [FILES.evaders2023]: edit('{ level: risk-factors,', '{ level: some-risk,') });
    expect(ofRule(problems, 'invalid-field')).toEqual([
      expect.objectContaining({
        line: 7,
        column: 18,
        message: expect.stringMatching(/^conclusions\.risk\.level: /),
        hint: 'allowed values: in-general, risk-factors, not-in-general, individual',
      }),
    ]);
  });

  it('a bad enum value in a YAML file points at the value', () => {
    const problems = checkFixture({ [FILES.news]: edit('type: article-newspaper', 'type: newspaper') });
    expect(ofRule(problems, 'invalid-field')).toEqual([
      expect.objectContaining({
        file: 'sources/news-2024.yaml',
        line: 1,
        column: 7,
        message: expect.stringMatching(/^type: /),
        hint: expect.stringMatching(/^allowed values: report, webpage, article-newspaper, /),
      }),
    ]);
  });

  it('an unknown top-level field fails at its key', () => {
    const problems = checkFixture({ [FILES.deserters]: insertAfter(23, 'colour: red') });
    expect(ofRule(problems, 'invalid-field')).toEqual([
      expect.objectContaining({
        line: 24,
        column: 1,
        message: 'unknown field "colour"',
        hint: 'check the spelling; the fields are listed in src/schemas/content.ts',
      }),
    ]);
  });

  it('an unknown field inside a conclusion fails at its key, with the full path', () => {
    const problems = checkFixture({ [FILES.deserters]: insertAfter(8, '    verdict: final') });
    expect(ofRule(problems, 'invalid-field')).toEqual([
      expect.objectContaining({ line: 9, column: 5, message: 'unknown field "conclusions.persecution.verdict"' }),
    ]);
  });

  it('a missing required field says which field to add', () => {
    const problems = checkFixture({
      [FILES.deserters]: edit('scope: Men who left the army without permission.\n', ''),
    });
    expect(ofRule(problems, 'invalid-field')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^scope: /), hint: 'add the field "scope"' }),
    ]);
  });

  it('a not-known conclusion missing wouldSettle reports that field, not the other conclusion form', () => {
    const problems = checkFixture({
      [FILES.deserters]: edit('    wouldSettle: Section 2 of the fictional report.\n', ''),
    });
    expect(ofRule(problems, 'invalid-field')).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^conclusions\.nexus\.wouldSettle: /),
        hint: 'add the field "wouldSettle"',
      }),
    ]);
  });

  it('a risk profile without conclusions fails, saying how to write an overview instead', () => {
    const problems = checkFixture({ [FILES.evaders2024]: (t) => t.replace(/conclusions:\n(?: {2}.*\n)+/, '') });
    expect(ofRule(problems, 'invalid-field')).toEqual([
      expect.objectContaining({
        message:
          'conclusions: a risk profile needs conclusions (persecution, risk, nexus, exclusion); write kind: overview for background without conclusions',
      }),
    ]);
  });

  it('an overview without conclusions passes', () => {
    const problems = checkFixture({
      [FILES.evaders2024]: (t) => t.replace(/conclusions:\n(?: {2}.*\n)+/, 'kind: overview\n'),
    });
    expect(problems).toEqual([]);
  });

  it('a malformed date fails with the accepted date forms', () => {
    const problems = checkFixture({ [FILES.deserters]: edit('lastUpdate: "2023-01"', 'lastUpdate: "2023-13"') });
    expect(ofRule(problems, 'invalid-field')).toEqual([
      expect.objectContaining({
        line: 4,
        column: 13,
        message: 'lastUpdate: must be a date written as YYYY, YYYY-MM or YYYY-MM-DD',
      }),
    ]);
  });

  it('a profile that fails its schema has no data, so later checks skip its conclusions', () => {
    const corpus = loadFixture({ [FILES.deserters]: edit('    answer: yes', '    answer: maybe') });
    expect(corpus.profiles.find((p) => p.file === FILES.deserters)?.data).toBeNull();
  });

  it('valid fields pass', () => {
    expect(ofRule(checkFixture(), 'invalid-field')).toEqual([]);
  });
});
