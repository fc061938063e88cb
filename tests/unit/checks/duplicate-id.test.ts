import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFixture, FILES, insertAfter, ofRule, VALID } from '../support/corpus-fixture.ts';

describe('duplicate-id', () => {
  it("two findings of one profile with one id fail at the second id, naming the first one's line", () => {
    // a second finding "penalties" after the first (which opens on line 28 and closes on line 30)
    const problems = checkFixture({
      [FILES.deserters]: insertAfter(
        30,
        '\n<Finding id="penalties" asOf="2022-11" title="Fines">\nDeserters are also fined [@report-2022, p. 14].\n</Finding>',
      ),
    });
    expect(ofRule(problems, 'duplicate-id')).toEqual([
      {
        file: 'profiles/testland/2023-01/deserters.mdx',
        line: 32,
        column: 14,
        severity: 'error',
        rule: 'duplicate-id',
        message: 'finding id "penalties" is already used on line 28',
        hint: 'give each finding its own id; ids become permanent anchors',
      },
    ]);
  });

  it('a .yml copy of a source is rejected, so the register cannot hold two files for one id', () => {
    const news = readFileSync(join(VALID, FILES.news), 'utf8');
    const problems = checkFixture({ 'sources/news-2024.yml': news });
    expect(problems.filter((p) => p.file === 'sources/news-2024.yml')).toEqual([
      {
        file: 'sources/news-2024.yml',
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'unknown-file',
        message: 'only .yaml files belong in content/sources/',
        hint: 'rename the file to .yaml or move it elsewhere',
      },
    ]);
  });

  it('the same finding id in two different profiles passes (they are addressed as profile#id)', () => {
    const problems = checkFixture({
      [FILES.deserters]: insertAfter(
        30,
        '\n<Finding id="call-ups" asOf="2022-11" title="Called up again">\nDeserters were called up again [@report-2022, p. 14].\n</Finding>',
      ),
    });
    expect(problems).toEqual([]);
  });

  it('findings with distinct ids pass', () => {
    expect(ofRule(checkFixture(), 'duplicate-id')).toEqual([]);
  });
});
