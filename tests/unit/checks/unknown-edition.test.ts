import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFixture, edit, FILES, ofRule, VALID } from '../support/corpus-fixture.ts';

const evaders2023 = readFileSync(join(VALID, FILES.evaders2023), 'utf8');

describe('unknown-edition', () => {
  it('a profile in an edition folder with no edition file fails and suggests the nearest edition', () => {
    const problems = checkFixture({ 'profiles/testland/2022-05/evaders.mdx': evaders2023 });
    expect(ofRule(problems, 'unknown-edition')).toEqual([
      {
        file: 'profiles/testland/2022-05/evaders.mdx',
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'unknown-edition',
        message: 'the profile is in edition folder testland/2022-05, but there is no edition "testland-2022-05"',
        hint: 'did you mean "testland-2023-01" or "testland-2024-06"?', // nearest first
      },
    ]);
  });

  it('a profile in the folder of an unknown country fails as unknown-country (and unknown-edition)', () => {
    const problems = checkFixture({ 'profiles/narnia/2023-01/evaders.mdx': evaders2023 });
    expect(ofRule(problems, 'unknown-country')).toEqual([
      expect.objectContaining({
        file: 'profiles/narnia/2023-01/evaders.mdx',
        line: 1,
        column: 1,
        severity: 'error',
        message: 'the folder names an unknown country "narnia"',
        hint: 'add content/countries/narnia.yaml',
      }),
    ]);
    expect(ofRule(problems, 'unknown-edition')).toHaveLength(1);
  });

  it('an edition naming an unknown country fails at the country value', () => {
    const problems = checkFixture({ [FILES.edition2024]: edit('country: testland', 'country: testlnd') });
    expect(ofRule(problems, 'unknown-country')).toEqual([
      expect.objectContaining({
        file: 'editions/testland-2024-06.yaml',
        line: 1,
        column: 10,
        message: 'unknown country "testlnd"',
        hint: 'did you mean "testland"?',
      }),
    ]);
  });

  it('an edition file whose name does not start with its country fails', () => {
    const text = readFileSync(join(VALID, FILES.edition2024), 'utf8');
    const problems = checkFixture({
      [FILES.edition2024]: null,
      'editions/tl-2024-06.yaml': text,
      [FILES.edition2023]: edit('supersededBy: testland-2024-06', 'supersededBy: tl-2024-06'),
      'profiles/testland/2024-06/evaders.mdx': null,
    });
    expect(ofRule(problems, 'unknown-edition')).toEqual([
      expect.objectContaining({
        file: 'editions/tl-2024-06.yaml',
        message:
          'an edition file must be named <country>-<yyyy-mm>.yaml; "tl-2024-06" does not match country "testland"',
        hint: 'rename it to testland-2024-06.yaml',
      }),
    ]);
  });

  it('profiles in existing editions of a registered country pass', () => {
    const problems = checkFixture();
    expect([...ofRule(problems, 'unknown-edition'), ...ofRule(problems, 'unknown-country')]).toEqual([]);
  });
});
