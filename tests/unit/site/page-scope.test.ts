/**
 * A page of one profile renders with that profile's versions and what they point to, and nothing else of the
 * profiles: what it cannot read cannot change it, so a rebuild may reuse it while its scope is unchanged.
 */
import { describe, expect, it, vi } from 'vitest';
import { loadCorpus } from '../../../src/corpus/corpus.ts';
import { familyOfPage, pageOfProfile, renderInScope, renderUnscoped, scopeOf } from '../../../src/site/page-scope.ts';
import { getCorpus, publishCheckedCorpus } from '../../../src/site/site-data.ts';
import { VALID_FIXTURE } from '../../support/content-copy.ts';

const c = loadCorpus(VALID_FIXTURE);
const ids = (corpus: typeof c) => corpus.profiles.map((p) => p.id);

describe('the pages of one profile', () => {
  it('are every URL of its versions, its current URL, its history and its comparisons', () => {
    for (const path of [
      '/testland/2023-01/evaders/',
      '/testland/2024-06/evaders/',
      '/testland/evaders/',
      '/testland/evaders/history/',
      '/testland/evaders/compare/2023-01..2024-06/',
    ])
      expect(familyOfPage(c, path), path).toBe('testland/evaders');
    // A profile no longer in the current edition still has its current URL (the retired notice) and history.
    expect(familyOfPage(c, '/testland/deserters/')).toBe('testland/deserters');
    expect(familyOfPage(c, '/testland/deserters/history/')).toBe('testland/deserters');
  });

  it('say what they show: the profile itself at each of its URLs, or its history or a comparison', () => {
    for (const path of ['/testland/2023-01/evaders/', '/testland/2024-06/evaders/', '/testland/evaders/'])
      expect(pageOfProfile(c, path)?.shows, path).toBe('profile');
    expect(pageOfProfile(c, '/testland/evaders/history/')?.shows).toBe('history');
    expect(pageOfProfile(c, '/testland/evaders/compare/2023-01..2024-06/')?.shows).toBe('comparison');
  });

  it('do not include pages that list many profiles, or a comparison that has no page', () => {
    for (const path of ['/', '/testland/', '/testland/2023-01/', '/testland/review/', '/sources/', '/search/'])
      expect(familyOfPage(c, path), path).toBeUndefined();
    expect(familyOfPage(c, '/testland/evaders/compare/2024-06..2023-01/')).toBeUndefined();
  });
});

describe("a profile's scope", () => {
  it('holds its versions and the profiles they point to in their edition, and every other collection whole', () => {
    // deserters (2023-01) rests a conclusion on evaders#call-ups and names evaders as related.
    expect(ids(scopeOf(c, 'testland/deserters'))).toEqual(['testland/2023-01/deserters', 'testland/2023-01/evaders']);
    const evaders = scopeOf(c, 'testland/evaders');
    expect(ids(evaders)).toEqual(['testland/2023-01/evaders', 'testland/2024-06/evaders']);
    expect(evaders.sources).toBe(c.sources);
    expect(evaders.editions).toBe(c.editions);
  });

  it('is one object per profile, so what pages derive from it is derived once', () => {
    expect(scopeOf(c, 'testland/evaders')).toBe(scopeOf(c, 'testland/evaders'));
  });

  it('is the corpus every read of a page rendered in it gets, across awaits, and only there', async () => {
    // getCorpus() serves the published corpus only for the content folder it was read from.
    vi.stubEnv('CG_CONTENT_DIR', VALID_FIXTURE);
    publishCheckedCorpus(c);
    const scope = scopeOf(c, 'testland/deserters');
    const seen = await renderInScope(scope, async () => {
      await new Promise((r) => setTimeout(r, 1));
      const inside = getCorpus();
      const outside = await renderUnscoped(async () => getCorpus());
      return { inside, outside };
    });
    expect(seen.inside).toBe(scope);
    expect(seen.outside).toBe(c);
    expect(getCorpus()).toBe(c);
    vi.unstubAllEnvs();
  });
});
