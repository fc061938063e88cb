import { describe, expect, it } from 'vitest';
import { checkFixture, edit, FILES, ofRule } from '../support/corpus-fixture.ts';

describe('uncited-finding', () => {
  it('a finding without a citation fails at its opening tag', () => {
    const problems = checkFixture({ [FILES.evaders2024]: edit(' [@news-2024].', '.') });
    expect(ofRule(problems, 'uncited-finding')).toEqual([
      {
        file: 'profiles/testland/2024-06/evaders.mdx',
        line: 12,
        column: 1,
        severity: 'error',
        rule: 'uncited-finding',
        message: 'finding "end-of-conscription" has no citation',
        hint: 'cite the source of the fact inside the finding, e.g. [@source-id, sec. 4.2.3]',
      },
    ]);
  });

  it('a citation just after the closing tag does not count for the finding', () => {
    const problems = checkFixture({
      [FILES.evaders2024]: edit(
        'Conscription ended in March 2024 [@news-2024].\n</Finding>',
        'Conscription ended in March 2024.\n</Finding>\n\nSee [@news-2024].',
      ),
    });
    expect(ofRule(problems, 'uncited-finding')).toHaveLength(1);
  });

  it('an empty self-closing finding fails', () => {
    const problems = checkFixture({ [FILES.evaders2024]: (t) => `${t}\n<Finding id="later" asOf="2024-04" />\n` });
    expect(ofRule(problems, 'uncited-finding')).toEqual([
      expect.objectContaining({ line: 16, column: 1, message: 'finding "later" has no citation' }),
    ]);
  });

  it('findings with at least one citation pass', () => {
    expect(ofRule(checkFixture(), 'uncited-finding')).toEqual([]);
  });
});
