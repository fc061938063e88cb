import { describe, expect, it } from 'vitest';
import { checkFixture, edit, FILES } from '../support/corpus-fixture.ts';

describe('root cause first', () => {
  it('lists a < in one profile before the conclusion it breaks in another, whose hint points at it', () => {
    // deserters.mdx rests a conclusion on evaders#call-ups; a < in the evaders' prose stops that file parsing.
    const problems = checkFixture({ [FILES.evaders2023]: edit('Call-ups continued', 'Call-ups <continued') });
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors[0]).toEqual(expect.objectContaining({ file: FILES.evaders2023, rule: 'syntax' }));
    const consequence = errors.find((p) => p.file === FILES.deserters);
    expect(consequence).toEqual(
      expect.objectContaining({
        rule: 'unsupported-conclusion',
        hint: expect.stringContaining(
          `first fix the 1 file listed first that could not be read (${FILES.evaders2023})`,
        ),
      }),
    );
    expect(errors.indexOf(consequence!)).toBeGreaterThan(0);
  });

  it('leaves hints alone when every file was read', () => {
    const problems = checkFixture({ [FILES.deserters]: edit('evaders#call-ups', 'evaders#call-outs') });
    expect(problems.find((p) => p.rule === 'unsupported-conclusion')?.hint).not.toContain('first fix');
  });
});
