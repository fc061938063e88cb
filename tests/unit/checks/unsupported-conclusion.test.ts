import { describe, expect, it } from 'vitest';
import { checkFixture, edit, FILES, ofRule } from '../support/corpus-fixture.ts';

describe('unsupported-conclusion', () => {
  it('a conclusion with an empty supportedBy fails at the conclusion', () => {
    const problems = checkFixture({
      [FILES.evaders2024]: edit(
        'summary: No persecution is reported., supportedBy: [end-of-conscription] }',
        'summary: No persecution is reported., supportedBy: [] }',
      ),
    });
    expect(ofRule(problems, 'unsupported-conclusion')).toEqual([
      {
        file: 'profiles/testland/2024-06/evaders.mdx',
        line: 6,
        column: 16,
        severity: 'error',
        rule: 'unsupported-conclusion',
        message: 'the persecution conclusion names no supporting finding',
        hint: 'list the findings it rests on in supportedBy, or record it as status: not-known with why and wouldSettle',
      },
    ]);
  });

  it('a conclusion without supportedBy at all fails like an empty one', () => {
    const problems = checkFixture({
      [FILES.evaders2024]: edit(
        'summary: In general no well-founded fear., supportedBy: [end-of-conscription] }',
        'summary: In general no well-founded fear. }',
      ),
    });
    expect(ofRule(problems, 'unsupported-conclusion')).toEqual([
      expect.objectContaining({ line: 7, message: 'the risk conclusion names no supporting finding' }),
    ]);
  });

  it('a supportedBy naming an unknown finding fails at that entry and suggests the nearest finding', () => {
    const problems = checkFixture({
      [FILES.deserters]: edit('    supportedBy: [penalties]', '    supportedBy: [penalty]'),
    });
    expect(ofRule(problems, 'unsupported-conclusion')).toEqual([
      expect.objectContaining({
        file: 'profiles/testland/2023-01/deserters.mdx',
        line: 10,
        column: 19,
        message: 'persecution.supportedBy names "penalty", but this profile has no such finding',
        hint: 'did you mean "penalties"?',
      }),
    ]);
  });

  it('other#id naming a finding that exists in a sibling profile passes', () => {
    // deserters' risk conclusion is supported by [penalties, evaders#call-ups] in the valid fixture
    const problems = checkFixture();
    expect(problems.filter((p) => p.file === FILES.deserters)).toEqual([]);
  });

  it('other#id naming a finding the sibling profile does not have fails, naming that profile', () => {
    const problems = checkFixture({ [FILES.deserters]: edit('evaders#call-ups', 'evaders#callups') });
    expect(ofRule(problems, 'unsupported-conclusion')).toEqual([
      expect.objectContaining({
        line: 14,
        column: 30,
        message: 'risk.supportedBy names "evaders#callups", but profile "evaders" has no such finding',
        hint: 'did you mean "call-ups"?',
      }),
    ]);
  });

  it('other#id naming a profile the edition does not have is reported as unknown-profile', () => {
    const problems = checkFixture({ [FILES.deserters]: edit('evaders#call-ups', 'evader#call-ups') });
    expect(ofRule(problems, 'unsupported-conclusion')).toEqual([]);
    expect(ofRule(problems, 'unknown-profile')).toEqual([
      expect.objectContaining({
        line: 14,
        column: 30,
        message: 'risk.supportedBy names "evader#call-ups", but this edition has no profile "evader"',
        hint: 'did you mean "evaders"?',
      }),
    ]);
  });

  it('other#id naming a profile of another edition fails (the sibling must be in the same edition)', () => {
    // end-of-conscription exists, but only in the 2024-06 edition's evaders
    const problems = checkFixture({ [FILES.deserters]: edit('evaders#call-ups', 'evaders#end-of-conscription') });
    expect(ofRule(problems, 'unsupported-conclusion')).toHaveLength(1);
  });

  it('a not-known conclusion needs no findings', () => {
    const problems = checkFixture({
      [FILES.evaders2024]: edit(
        'risk: { level: not-in-general, knownFrom: secondary, basis: The news report only., summary: In general no well-founded fear., supportedBy: [end-of-conscription] }',
        'risk: { status: not-known, why: The conclusion text was not available., wouldSettle: The official PDF. }',
      ),
    });
    expect(problems).toEqual([]);
  });

  it('an exclusion conclusion may name no findings', () => {
    // the 2024-06 evaders exclusion names no findings in the valid fixture
    const problems = checkFixture({
      [FILES.evaders2024]: edit('summary: No indicators. }', 'summary: No indicators., supportedBy: [] }'),
    });
    expect(problems).toEqual([]);
  });

  it('an exclusion conclusion that does name findings must name existing ones', () => {
    const problems = checkFixture({
      [FILES.evaders2024]: edit('summary: No indicators. }', 'summary: No indicators., supportedBy: [nothing-here] }'),
    });
    expect(ofRule(problems, 'unsupported-conclusion')).toEqual([
      expect.objectContaining({
        line: 9,
        message: 'exclusion.supportedBy names "nothing-here", but this profile has no such finding',
      }),
    ]);
  });
});
