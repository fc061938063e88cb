import { describe, expect, it } from 'vitest';
import { checkFixture, edit, FILES, ofRule } from '../support/corpus-fixture.ts';

const source = (title: string, issued: string) => `type: report
title: ${title}
shortTitle: ${title}
author: [{ literal: Fictional Office }]
issued: "${issued}"
description: A fictional source.
access: read
`;

describe('orphan-source', () => {
  it('a registered source cited nowhere is a warning, not an error', () => {
    const problems = checkFixture({ 'sources/unused.yaml': source('Unused', '2020-01-01') });
    expect(problems).toEqual([
      {
        file: 'sources/unused.yaml',
        line: 1,
        column: 1,
        severity: 'warning',
        rule: 'orphan-source',
        message: 'source "unused" is cited nowhere',
        hint: 'cite it where it supports a finding, or remove it from the register',
      },
    ]);
  });

  it("a source named only as an edition's basedOn is not an orphan", () => {
    const problems = checkFixture({
      'sources/official-2024.yaml': source('Official guidance 2024', '2024-06-01'),
      [FILES.edition2024]: edit('legalBasis: qd', 'legalBasis: qd\nbasedOn: official-2024'),
    });
    expect(problems).toEqual([]);
  });

  it("a source named only as a provision's source is not an orphan", () => {
    // eu-qd is also cited in deserters.mdx; without that citation, law/qd-9.yaml still relies on it
    const problems = checkFixture({
      [FILES.deserters]: edit('The law is in [@eu-qd, art. 9].', 'The law is Article 9.'),
    });
    expect(ofRule(problems, 'orphan-source')).toEqual([]);
  });

  it('sources that are cited pass', () => {
    expect(ofRule(checkFixture(), 'orphan-source')).toEqual([]);
  });
});
