import { describe, expect, it } from 'vitest';
import { checkFixture, edit, FILES, ofRule } from '../support/corpus-fixture.ts';

// In the valid fixture testland-2023-01 is superseded by testland-2024-06 (supersededBy on line 10, value at
// column 15), and testland-2024-06 is current.

describe('edition-chain', () => {
  it('supersededBy pointing to an edition that does not exist fails and suggests the nearest edition', () => {
    const problems = checkFixture({
      [FILES.edition2023]: edit('supersededBy: testland-2024-06', 'supersededBy: testland-2024-07'),
    });
    expect(ofRule(problems, 'edition-chain')).toContainEqual({
      file: 'editions/testland-2023-01.yaml',
      line: 10,
      column: 15,
      severity: 'error',
      rule: 'edition-chain',
      message: 'supersededBy points to "testland-2024-07", which does not exist',
      hint: 'did you mean "testland-2024-06"?',
    });
  });

  it('editions that supersede each other in a loop fail', () => {
    const problems = checkFixture({
      [FILES.edition2024]: (t) => `${t}supersededBy: testland-2023-01\nsupersededOn: "2024-07-01"\n`,
    });
    const loops = ofRule(problems, 'edition-chain').filter((p) => p.message.startsWith('the editions form a loop'));
    expect(loops).toContainEqual(
      expect.objectContaining({
        file: 'editions/testland-2023-01.yaml',
        line: 10,
        column: 15,
        message: 'the editions form a loop: testland-2023-01 → testland-2024-06 → testland-2023-01',
        hint: 'the newest edition must have no supersededBy',
      }),
    );
  });

  it('two current editions of one country fail', () => {
    const problems = checkFixture({
      [FILES.edition2023]: edit('supersededBy: testland-2024-06\nsupersededOn: "2024-06-01"\n', ''),
    });
    expect(ofRule(problems, 'edition-chain')).toEqual([
      expect.objectContaining({
        file: 'editions/testland-2023-01.yaml',
        line: 1,
        column: 1,
        message: 'testland has 2 current editions (testland-2023-01, testland-2024-06)',
        hint: 'set supersededBy and supersededOn on every edition but the newest',
      }),
    ]);
  });

  it('supersededBy without supersededOn fails', () => {
    const problems = checkFixture({ [FILES.edition2023]: edit('supersededOn: "2024-06-01"\n', '') });
    expect(ofRule(problems, 'edition-chain')).toEqual([
      expect.objectContaining({
        line: 10,
        column: 15,
        message: 'supersededBy is set but supersededOn is missing',
        hint: 'add supersededOn: the date the next edition was published',
      }),
    ]);
  });

  it('supersededOn without supersededBy fails', () => {
    const problems = checkFixture({ [FILES.edition2024]: (t) => `${t}supersededOn: "2025-01-01"\n` });
    expect(ofRule(problems, 'edition-chain')).toEqual([
      expect.objectContaining({
        file: 'editions/testland-2024-06.yaml',
        line: 11,
        column: 15,
        message: 'supersededOn is set but supersededBy is missing',
      }),
    ]);
  });

  it('being superseded by an edition published earlier fails', () => {
    const problems = checkFixture({ [FILES.edition2024]: edit('published: "2024-06-01"', 'published: "2022-12-01"') });
    expect(ofRule(problems, 'edition-chain')).toEqual([
      expect.objectContaining({
        line: 10,
        column: 15,
        message: 'supersededBy points to testland-2024-06, published no later than this edition',
        hint: 'an edition can only be replaced by a later one',
      }),
    ]);
  });

  it('a chain of editions with exactly one current edition passes', () => {
    expect(ofRule(checkFixture(), 'edition-chain')).toEqual([]);
  });
});
