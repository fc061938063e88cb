import { describe, expect, it } from 'vitest';
import { checkFixture, FILES, ofRule } from '../support/corpus-fixture.ts';

describe('archive-mismatch', () => {
  it('a missing stored copy fails at the archive path', () => {
    const problems = checkFixture({ [FILES.archive]: null });
    expect(ofRule(problems, 'archive-mismatch')).toEqual([
      {
        file: 'sources/report-2022.yaml',
        line: 13,
        column: 18,
        severity: 'error',
        rule: 'archive-mismatch',
        message: 'the stored copy archive/report-2022.txt is missing',
        hint: 'restore the file under content/, or remove `archive` if no copy is kept',
      },
    ]);
  });

  it('a stored copy whose bytes changed fails at the fingerprint, giving the new hash', () => {
    const problems = checkFixture({ [FILES.archive]: 'A fictional stored copy, edited.\n' });
    expect(ofRule(problems, 'archive-mismatch')).toEqual([
      expect.objectContaining({
        line: 13,
        column: 51,
        message: expect.stringMatching(
          /^the stored copy archive\/report-2022\.txt no longer matches its fingerprint \(it now hashes to [0-9a-f]{12}…\)$/,
        ),
        hint: 'if the source changed, re-check every pinpoint that cites it, then record the new sha256',
      }),
    ]);
  });

  it('a single changed byte is enough to fail', () => {
    expect(ofRule(checkFixture({ [FILES.archive]: 'A fictional stored copy!\n' }), 'archive-mismatch')).toHaveLength(1);
  });

  it('a stored copy matching its fingerprint passes', () => {
    expect(ofRule(checkFixture(), 'archive-mismatch')).toEqual([]);
  });
});
