/**
 * The content check with the profile parses of earlier builds (src/build-cache/profile-parses.ts) decides exactly
 * what it decides without them: the same problems at the same places, and the same corpus, down to where each
 * field stands. Each load runs on a fresh copy of the modules, so that no parse remembered in this process (the dev
 * server's memo in corpus.ts) stands in for the cache.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { profileParses } from '../../../src/build-cache/profile-parses.ts';
import type { Corpus, ProfileParseCache } from '../../../src/corpus/corpus.ts';
import { edit, FILES, writeFixture } from '../support/corpus-fixture.ts';

const root = mkdtempSync(join(tmpdir(), 'profile-parses-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(root, `parses-${files++}.v8`);

/** checkContent from a fresh copy of the modules. */
async function check(dir: string, cache?: ProfileParseCache) {
  vi.resetModules();
  const { checkContent } = await import('../../../src/checks/index.ts');
  return checkContent(dir, dir, cache);
}

/** What the checks and pages read of each profile, with where some fields and offsets stand. */
function profilesOf(corpus: Corpus) {
  return corpus.profiles.map(({ at, ...profile }) => ({
    ...profile,
    places: [['title'], ['conclusions', 'risk', 'summary'], ['conclusions', 'nexus'], ['nope'], 0, 200].map((w) =>
      at(w as never),
    ),
  }));
}

// A profile with an unknown field, one with code in its prose, one with an unquoted date.
const broken = {
  [FILES.deserters]: edit('order: 2', 'order: 2\nmood: bad'),
  [FILES.evaders2024]: edit('[@news-2024].', '[@news-2024]. {1 + 1}'),
  [FILES.evaders2023]: edit('lastUpdate: "2023-01"', 'lastUpdate: 2023-01-05'),
};

describe('the content check with the profile parses of earlier builds', () => {
  it.each([
    ['valid content', {}],
    ['content with problems in its profiles', broken],
  ])('decides on %s what it decides without them, from a cold cache and a warm one', async (_, changes) => {
    const dir = writeFixture(changes);
    const file = newFile();
    const without = await check(dir);
    const cold = profileParses(file, 'code');
    const first = await check(dir, cold);
    await cold.written();
    const warm = profileParses(file, 'code');
    const second = await check(dir, warm);
    expect(cold.counts()).toEqual({ total: 3, cached: 0 });
    expect(warm.counts()).toEqual({ total: 3, cached: 3 });
    for (const run of [first, second]) {
      expect(run.problems).toStrictEqual(without.problems);
      expect(profilesOf(run.corpus)).toStrictEqual(profilesOf(without.corpus));
    }
    if (changes === broken) expect(new Set(without.problems.map((p) => p.rule))).toContain('unsafe-mdx');
  });

  /** A copy of the valid fixture, and a cache file with its parses from one check. */
  const primed = async () => {
    const dir = writeFixture();
    const file = newFile();
    const cold = profileParses(file, 'code');
    await check(dir, cold);
    await cold.written();
    return { dir, file };
  };

  it('parses an edited profile again, and only that one', async () => {
    const { dir, file } = await primed();
    const path = join(dir, FILES.deserters);
    writeFileSync(path, edit('prison terms', 'long prison terms')(readFileSync(path, 'utf8')));
    const warm = profileParses(file, 'code');
    const run = await check(dir, warm);
    expect(warm.counts()).toEqual({ total: 3, cached: 2 });
    const deserters = run.corpus.profiles.find((p) => p.file === FILES.deserters)!;
    expect(deserters.scan.findings[0].text).toContain('long prison terms');
    expect(profilesOf(run.corpus)).toStrictEqual(profilesOf((await check(dir)).corpus));
  });

  it('parses the same text at another path again (its problems name the path)', async () => {
    const { file } = await primed();
    const elsewhere = profileParses(file, 'code');
    await check(writeFixture(), elsewhere);
    expect(elsewhere.counts()).toEqual({ total: 3, cached: 0 });
  });

  it('reuses nothing under other code', async () => {
    const { dir, file } = await primed();
    const changed = profileParses(file, 'other code');
    await check(dir, changed);
    expect(changed.counts()).toEqual({ total: 3, cached: 0 });
  });

  it('writes the file again only when the parses it holds are not the ones the load used', async () => {
    const { dir, file } = await primed();
    const warm = profileParses(file, 'code');
    rmSync(file);
    await check(dir, warm);
    await warm.written();
    expect(existsSync(file)).toBe(false);
    const path = join(dir, FILES.deserters);
    writeFileSync(path, edit('prison terms', 'long prison terms')(readFileSync(path, 'utf8')));
    const edited = profileParses(file, 'code');
    await check(dir, edited);
    await edited.written();
    expect(existsSync(file)).toBe(true);
  });
});
