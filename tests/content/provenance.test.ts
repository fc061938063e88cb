import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { checkContent } from '../../src/checks/index.ts';
import { profileIn } from '../../src/site/site-data.ts';
import type { ConclusionKey } from '../../src/schemas/content.ts';

const { corpus } = checkContent(resolve('content'));
const conclusion = (edition: string, profile: string, key: ConclusionKey) => {
  const p = profileIn(corpus, edition, profile);
  if (!p?.data?.conclusions) throw new Error(`${edition}/${profile} has no conclusions`);
  return p.data.conclusions[key] as Record<string, unknown>;
};

/** The three conclusions a full read found saying more than their sources (issue 11). */
describe('conclusions say exactly what their sources say', () => {
  it('records the Alawite risk of December 2025 as individual circumstances, from the press release', () => {
    expect(conclusion('syria-2025-12', 'alawites', 'risk')).toMatchObject({ level: 'individual', knownFrom: 'press-release' });
    const summary = corpus.editions.get('syria-2025-12')!.data!.summary;
    expect(summary).toMatch(/Alawites, Christians and Druze/);
    expect(summary).not.toMatch(/Alawites are named as a group that may need protection, and/);
  });

  it('names no Article 10 ground for returnees in February 2023, because the guidance note names none', () => {
    expect(conclusion('syria-2023-02', 'returnees', 'nexus')).toMatchObject({ grounds: [], groundNotNamed: true });
  });

  it.each(['draft-evaders', 'deserters', 'defectors'])(
    'marks the June 2025 %s risk as our inference from a general statement, and names that statement',
    (profile) => {
      const risk = conclusion('syria-2025-06', profile, 'risk');
      expect(risk.knownFrom).toBe('inference');
      expect(risk.basis).toMatch(/23 June 2025/);
    },
  );

  // Issue 23: a Step 1 on the evidence is not an Article 9 answer, and a passage naming other groups is our reading.
  it('records the December 2025 perceived opponents Article 9 as not known, saying what Step 1 says', () => {
    expect(conclusion('syria-2025-12', 'perceived-opponents', 'persecution')).toMatchObject({ status: 'not-known', why: expect.stringMatching(/Step 1/) });
  });

  it.each([
    ['druze', 'exclusion', /Druze militias/],
    ['defectors', 'persecution', /names evaders and deserters only/],
  ])('marks the December 2025 %s %s conclusion as our inference, naming what it rests on', (profile, key, basis) => {
    expect(conclusion('syria-2025-12', profile, key as ConclusionKey)).toMatchObject({ knownFrom: 'inference', basis: expect.stringMatching(basis) });
  });

  it('names the basis of every conclusion not taken from the official text', () => {
    const notOfficial = corpus.profiles.flatMap((p) =>
      Object.entries(p.data?.conclusions ?? {}).flatMap(([key, c]) =>
        'knownFrom' in c && c.knownFrom !== 'official-text' ? [{ at: `${p.id} ${key}`, basis: c.basis }] : [],
      ),
    );
    expect(notOfficial.length, 'some conclusions are not taken from the official text').toBeGreaterThan(0);
    expect(notOfficial.filter((c) => !c.basis).map((c) => c.at)).toEqual([]);
  });
});
