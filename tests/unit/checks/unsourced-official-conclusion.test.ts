import { describe, expect, it } from 'vitest';
import { checkFixture, edit, FILES, ofRule } from '../support/corpus-fixture.ts';

// In the valid fixture the 2023-01 edition is based on report-2022; deserters' persecution conclusion (its value on line 7)
// rests on "penalties", which cites it as [@report-2022, sec. 2, pp. 12-13]. The 2024-06 edition names no guidance,
// so its evaders' conclusions say they come from a news report (knownFrom: secondary).
const RULE = 'unsourced-official-conclusion';

describe('unsourced-official-conclusion', () => {
  it("official conclusions resting on a pinpointed citation to the edition's guidance pass", () => {
    expect(ofRule(checkFixture(), RULE)).toEqual([]);
  });

  it('an official conclusion whose findings cite the guidance only as a whole fails at the conclusion', () => {
    const problems = checkFixture({ [FILES.deserters]: edit('[@report-2022, sec. 2, pp. 12-13]', '[@report-2022]') });
    expect(ofRule(problems, RULE)).toEqual([
      {
        file: FILES.deserters,
        line: 7,
        column: 5,
        severity: 'error',
        rule: RULE,
        message:
          'the persecution conclusion is given as the official text, but none of its supporting findings cites @report-2022 with a pinpoint',
        hint: 'cite the passage that states it, e.g. [@report-2022, sec. 4.2], in a finding listed in supportedBy, or, if it is not taken from the official text, set knownFrom (press-release, secondary or inference) and name the statement in basis',
      },
      expect.objectContaining({
        line: 19,
        message: expect.stringMatching(/^the exclusion conclusion is given as the official text/),
      }),
    ]);
  });

  it('an official conclusion resting only on other sources fails, even when they are pinpointed', () => {
    const problems = checkFixture({
      [FILES.deserters]: edit('[@report-2022, sec. 2, pp. 12-13]', '[@eu-qd, art. 9]'),
    });
    expect(ofRule(problems, RULE).map((p) => p.line)).toEqual([7, 19]);
  });

  it('a finding of a sibling profile that cites the guidance with a pinpoint is enough', () => {
    // deserters' risk conclusion also rests on evaders#call-ups, which cites [@report-2022, p. 15]
    const problems = checkFixture({
      [FILES.deserters]: edit('    supportedBy: [penalties, evaders#call-ups]', '    supportedBy: [evaders#call-ups]'),
    });
    expect(ofRule(problems, RULE)).toEqual([]);
  });

  it('a conclusion that says it comes from a press release and names its basis is not held to the official text', () => {
    const problems = checkFixture({
      [FILES.deserters]: (t) =>
        edit(
          '[@report-2022, sec. 2, pp. 12-13]',
          '[@report-2022]',
        )(t)
          .replace(
            '    answer: yes\n',
            '    answer: yes\n    knownFrom: press-release\n    basis: The launch announcement.\n',
          )
          .replace(
            '  exclusion: { consider: true,',
            '  exclusion: { consider: true, knownFrom: press-release, basis: The launch announcement.,',
          ),
    });
    expect(ofRule(problems, 'invalid-field')).toEqual([]);
    expect(ofRule(problems, RULE)).toEqual([]);
  });

  it('an official conclusion in an edition that names no guidance source fails, saying so', () => {
    const problems = checkFixture({
      [FILES.evaders2024]: edit(
        'risk: { level: not-in-general, knownFrom: secondary, basis: The news report only.,',
        'risk: { level: not-in-general,',
      ),
    });
    expect(ofRule(problems, RULE)).toEqual([
      expect.objectContaining({
        file: FILES.evaders2024,
        line: 7,
        message:
          'the risk conclusion is given as the official text, but edition testland-2024-06 names no guidance source',
        hint: expect.stringMatching(/^register the guidance and set basedOn in editions\/testland-2024-06\.yaml/),
      }),
    ]);
  });

  it('a not-known conclusion claims nothing and needs no citation', () => {
    // deserters' nexus is not known in the valid fixture
    const problems = checkFixture({ [FILES.deserters]: edit('[@report-2022, sec. 2, pp. 12-13]', '[@report-2022]') });
    expect(ofRule(problems, RULE).some((p) => p.message.includes('nexus'))).toBe(false);
  });
});
