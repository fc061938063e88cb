import { describe, expect, it } from 'vitest';
import { checkFixture, edit, FILES, ofRule } from '../support/corpus-fixture.ts';

// In the valid fixture deserters' risk conclusion (its value on line 12) rests on its own finding "penalties",
// which cites the 2023-01 edition's guidance as [@report-2022, sec. 2, pp. 12-13], and on evaders#call-ups, which
// cites it as [@report-2022, p. 15].
const RULE = 'borrowed-official-conclusion';
const onlyBorrowed = edit('    supportedBy: [penalties, evaders#call-ups]', '    supportedBy: [evaders#call-ups]');

describe('borrowed-official-conclusion', () => {
  it("an official conclusion resting on the profile's own citation of the guidance passes, borrowed findings or not", () => {
    expect(ofRule(checkFixture(), RULE)).toEqual([]);
  });

  it("an official conclusion whose only guidance citation is another profile's finding fails at the conclusion", () => {
    expect(ofRule(checkFixture({ [FILES.deserters]: onlyBorrowed }), RULE)).toEqual([
      {
        file: FILES.deserters,
        line: 12,
        column: 5,
        severity: 'error',
        rule: RULE,
        message:
          "the risk conclusion is given as the official text, but only other profiles' findings (evaders#call-ups) cite @report-2022: what it says about this profile is not recorded",
        hint: 'record the passage that states it for this profile as a finding of its own and list it in supportedBy, or, if it is not taken from the official text, set knownFrom (press-release, secondary or inference) and name the statement in basis',
      },
    ]);
  });

  it('an own finding that cites only other sources does not count as the guidance for this profile', () => {
    const problems = checkFixture({
      [FILES.deserters]: (t) => edit('[@report-2022, sec. 2, pp. 12-13]', '[@eu-qd, art. 9]')(t),
    });
    // persecution and exclusion rest on "penalties" alone: unsourced; risk also has evaders#call-ups: borrowed.
    expect(ofRule(problems, RULE).map((p) => p.line)).toEqual([12]);
    expect(ofRule(problems, 'unsourced-official-conclusion').map((p) => p.line)).toEqual([7, 19]);
  });

  it('the same borrowed support marked as our inference, with its basis, passes', () => {
    const problems = checkFixture({
      [FILES.deserters]: (t) =>
        onlyBorrowed(t).replace(
          '    level: in-general\n',
          '    level: in-general\n    knownFrom: inference\n    basis: The evaders finding applied to deserters.\n',
        ),
    });
    expect(ofRule(problems, 'invalid-field')).toEqual([]);
    expect(ofRule(problems, RULE)).toEqual([]);
  });

  it('a conclusion with no guidance citation at all is left to unsourced-official-conclusion', () => {
    const problems = checkFixture({
      [FILES.deserters]: onlyBorrowed,
      [FILES.evaders2023]: edit('[@report-2022, p. 15]', '[@eu-qd, art. 9]'),
    });
    expect(ofRule(problems, RULE)).toEqual([]);
    expect(
      ofRule(problems, 'unsourced-official-conclusion').some((p) => p.file === FILES.deserters && p.line === 12),
    ).toBe(true);
  });
});
