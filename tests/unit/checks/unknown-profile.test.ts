import { describe, expect, it } from 'vitest';
import { checkFixture, edit, FILES, ofRule } from '../support/corpus-fixture.ts';

describe('unknown-profile', () => {
  it('a related profile the edition does not have fails at that entry and suggests the nearest profile', () => {
    const problems = checkFixture({ [FILES.deserters]: edit('related: [evaders]', 'related: [evader]') });
    expect(ofRule(problems, 'unknown-profile')).toEqual([
      {
        file: 'profiles/testland/2023-01/deserters.mdx',
        line: 22,
        column: 11,
        severity: 'error',
        rule: 'unknown-profile',
        message: 'related names "evader", but edition testland-2023-01 has no such profile',
        hint: 'did you mean "evaders"?',
      },
    ]);
  });

  it('a related profile that exists only in another edition fails', () => {
    // the 2024-06 edition has evaders but no deserters
    const problems = checkFixture({
      [FILES.evaders2024]: edit('summary: No indicators. }', 'summary: No indicators. }\nrelated: [deserters]'),
    });
    expect(ofRule(problems, 'unknown-profile')).toEqual([
      expect.objectContaining({
        line: 10,
        column: 11,
        message: 'related names "deserters", but edition testland-2024-06 has no such profile',
      }),
    ]);
  });

  it('a profile related to itself fails', () => {
    const problems = checkFixture({ [FILES.deserters]: edit('related: [evaders]', 'related: [evaders, deserters]') });
    expect(ofRule(problems, 'unknown-profile')).toEqual([
      expect.objectContaining({ line: 22, column: 20, message: 'a profile cannot be related to itself' }),
    ]);
  });

  it('related profiles of the same edition pass', () => {
    expect(ofRule(checkFixture(), 'unknown-profile')).toEqual([]);
  });
});
