import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { checkContent } from '../../src/checks/index.ts';
import { formatReport } from '../../src/corpus/problem.ts';
import { currentEdition, editionsOf, gapsOf, previousEdition, profileIn } from '../../src/site/site-data.ts';

const { corpus, problems } = checkContent(resolve('content'));
const profilesIn = (month: string) => corpus.profiles.filter((p) => p.country === 'syria' && p.month === month).map((p) => p.profile).sort();

/** The profiles each edition must carry: where the evidence supports them (issue 5). */
const EXPECTED: Record<string, string[]> = {
  '2023-02': ['military-service', 'draft-evaders', 'deserters', 'defectors', 'returnees'],
  '2024-04': ['military-service', 'draft-evaders', 'deserters', 'defectors', 'returnees'],
  '2025-06': ['military-service', 'draft-evaders', 'deserters', 'defectors', 'returnees', 'former-assad-forces'],
  '2025-12': ['military-service', 'draft-evaders', 'deserters', 'defectors', 'returnees', 'former-assad-forces', 'perceived-opponents', 'alawites',
    'christians', 'druze', 'sogiesc', 'palestinians', 'sunni-arabs', 'kurds', 'perceived-isil-links', 'journalists'],
};

/** How an edition's list of changes names each profile new in that edition (issue 23: two new profiles were left out). */
const NAMED_IN_CHANGES: Record<string, RegExp> = {
  'former-assad-forces': /Former soldiers of Assad's army/,
  'new-army-conscription': /fearing conscription into the new army/,
  'perceived-opponents': /perceived to be opposing the Transitional Government/,
  alawites: /Alawites/,
  christians: /Christians/,
  druze: /Druze/,
  sogiesc: /SOGIESC/,
  palestinians: /Palestinians/,
  'sunni-arabs': /Sunni Arabs/,
  kurds: /Kurds/,
  'perceived-isil-links': /linked to ISIL/,
  journalists: /journalists/,
};

/** December 2025 sections known to exist only from cross-references, their text unread (issue 23). */
const UNREAD_SECTIONS: [string, string][] = [['kurds', '4.9.2'], ['perceived-isil-links', '4.6'], ['journalists', '4.7']];

describe('the Syria content', () => {
  it('passes every citation check with no error', () => {
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors, formatReport(errors)).toEqual([]);
  });

  it('has the four editions, each older one superseded by the next, December 2025 current', () => {
    const editions = editionsOf(corpus, 'syria').map((e) => e.id).reverse();
    expect(editions).toEqual(['syria-2023-02', 'syria-2024-04', 'syria-2025-06', 'syria-2025-12']);
    editions.slice(0, -1).forEach((id, i) => expect(corpus.editions.get(id)!.data!.supersededBy).toBe(editions[i + 1]));
    expect(currentEdition(corpus, 'syria')!.id).toBe('syria-2025-12');
  });

  it.each(Object.entries(EXPECTED))('edition %s carries every profile the evidence supports', (month, expected) => {
    expect(profilesIn(month)).toEqual(expect.arrayContaining(expected));
  });

  it('gives every risk profile a conclusion on each question, and backs every known one with a finding', () => {
    for (const p of corpus.profiles.filter((x) => x.data?.kind === 'profile')) {
      const conclusions = p.data!.conclusions!;
      for (const key of ['persecution', 'risk', 'nexus'] as const) {
        const c = conclusions[key];
        if ('status' in c) {
          expect(c.why.length, `${p.id} ${key}: why`).toBeGreaterThan(20);
          expect(c.wouldSettle.length, `${p.id} ${key}: wouldSettle`).toBeGreaterThan(10);
        } else expect(c.supportedBy.length, `${p.id} ${key}`).toBeGreaterThan(0);
      }
    }
  });

  it('cites at least one source in every finding, and has findings in every profile', () => {
    for (const p of corpus.profiles) {
      expect(p.scan.findings.length, p.id).toBeGreaterThan(0);
      for (const f of p.scan.findings) expect(f.citations.length, `${p.id}#${f.id}`).toBeGreaterThan(0);
    }
  });

  it('records the official conclusions we could not read as evidence gaps instead of guessing them', () => {
    // The notes (§6) list conclusions that could not be read, e.g. the April 2024 draft-evader conclusions.
    const gaps = gapsOf(corpus, 'syria-2024-04').filter((g) => g.profile.profile === 'draft-evaders').map((g) => g.key);
    expect(gaps).toEqual(expect.arrayContaining(['persecution', 'risk', 'nexus']));
  });

  it.each(['christians', 'druze', 'sogiesc', 'palestinians'])('lists the gaps of the December 2025 %s profile instead of guessing', (profile) => {
    const gaps = gapsOf(corpus, 'syria-2025-12').filter((g) => g.profile.profile === profile).map((g) => g.key);
    expect(gaps).toContain('nexus');
  });

  it.each(UNREAD_SECTIONS)('records every conclusion of the unread December 2025 %s section (%s) as not known, naming the section', (profile, section) => {
    const p = corpus.profiles.find((x) => x.edition === 'syria-2025-12' && x.profile === profile)!;
    expect(p.data!.officialSection).toContain(`section ${section}`);
    const gaps = gapsOf(corpus, 'syria-2025-12').filter((g) => g.profile.profile === profile);
    expect(gaps.map((g) => g.key).sort()).toEqual(['exclusion', 'nexus', 'persecution', 'risk']);
    for (const g of gaps) expect(g.wouldSettle, `${profile} ${g.key}`).toContain(`section ${section}`);
  });

  it('gives the Sunni Arab conclusion of section 4.9.1 from the official text, backed by findings that cite it', () => {
    const p = corpus.profiles.find((x) => x.edition === 'syria-2025-12' && x.profile === 'sunni-arabs')!;
    const risk = p.data!.conclusions!.risk;
    expect(risk).toMatchObject({ level: 'not-in-general', knownFrom: 'official-text' });
    const backing = 'supportedBy' in risk ? risk.supportedBy : [];
    const cited = p.scan.findings
      .filter((f) => backing.includes(f.id))
      .flatMap((f) => f.citations.flatMap((c) => c.items.map((i) => `${i.key} ${i.locator}`)));
    expect(cited).toContain('euaa-cg-syria-2025-12 sec. 4.9.1');
  });

  it.each(['syria-2025-06', 'syria-2025-12'])('names in the changes of %s every profile that edition adds', (editionId) => {
    const changes = corpus.editions.get(editionId)!.data!.changes.join('\n');
    const added = corpus.profiles
      .filter((p) => p.edition === editionId && !profileIn(corpus, previousEdition(corpus, editionId)?.id, p.profile))
      .map((p) => p.profile);
    expect(added.length).toBeGreaterThan(0);
    for (const profile of added) {
      expect(NAMED_IN_CHANGES[profile], `a pattern for ${profile} in NAMED_IN_CHANGES`).toBeDefined();
      expect(changes, `${editionId} changes name ${profile}`).toMatch(NAMED_IN_CHANGES[profile]);
    }
  });
});
