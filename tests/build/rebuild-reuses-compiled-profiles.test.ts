/**
 * A rebuild takes the profiles it compiled before from Astro's cache folder (src/build-cache/compiled-profiles.ts),
 * and the content check the profiles it parsed (src/build-cache/profile-parses.ts); only what changed is compiled
 * and parsed again, and what the rebuild builds is, byte for byte, what a clean build of the same content builds.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCacheFile } from '../../src/build-cache/cache-file.ts';
import { astroCacheDir } from '../../src/corpus/content-dir.ts';
import { COMPILED_PROFILES_FILE } from '../../src/content-gate/profile-bodies.ts';
import { VALID_FIXTURE } from '../support/content-copy.ts';
import { differences, scratch, tree } from '../support/rebuilds.ts';
import { astroBuild, ROOT } from '../support/run-build.ts';

const { tmpDir, contentCopy, cleanBuild } = scratch();

describe('a rebuild with the compiled profiles of the build before it', () => {
  const dir = contentCopy(VALID_FIXTURE, 'content-compiled-');
  const outDir = tmpDir('out-compiled-');
  const cacheFile = resolve(ROOT, astroCacheDir(dir), COMPILED_PROFILES_FILE);
  const profiles = readdirSync(join(dir, 'profiles'), { recursive: true }).filter((f) => String(f).endsWith('.mdx'));
  const build = async () => {
    const result = await astroBuild({ contentDir: dir, outDir });
    expect(result.code, result.output).toBe(0);
    const counts = /profiles: (\d+) of (\d+) from the cache, (\d+) compiled/.exec(result.output);
    expect(counts, result.output).not.toBeNull();
    const [cached, total, compiled] = counts!.slice(1).map(Number);
    const parses = /profile parses: (\d+) of (\d+) from the cache/.exec(result.output);
    expect(parses, result.output).not.toBeNull();
    expect(Number(parses![2])).toBe(profiles.length);
    return { out: tree(outDir), cached, total, compiled, parsed: profiles.length - Number(parses![1]) };
  };
  const edit = (path: string, from: string, to: string) => {
    const text = readFileSync(join(dir, path), 'utf8');
    if (!text.includes(from)) throw new Error(`${path} does not contain ${JSON.stringify(from)}; the fixture changed`);
    writeFileSync(join(dir, path), text.replace(from, to));
  };
  let previous: Map<string, Buffer>;

  it('compiles every profile in the first build, and keeps each', async () => {
    const first = await build();
    expect(first).toMatchObject({
      cached: 0,
      total: profiles.length,
      compiled: profiles.length,
      parsed: profiles.length,
    });
    expect((await readCacheFile(cacheFile)).size).toBe(profiles.length);
    previous = first.out;
  });

  it('compiles and parses none when nothing changed, and builds the same bytes as that clean build', async () => {
    const again = await build();
    expect(again).toMatchObject({ cached: profiles.length, compiled: 0, parsed: 0 });
    expect(differences(again.out, previous)).toEqual([]);
  });

  it('compiles and parses an edited profile again, and only it, and builds what a clean build builds', async () => {
    edit(
      'profiles/testland/2024-06/evaders.mdx',
      'Conscription ended in March 2024',
      'Conscription stopped in March 2024',
    );
    const edited = await build();
    expect(edited).toMatchObject({ cached: profiles.length - 1, compiled: 1, parsed: 1 });
    expect(edited.out.get('testland/2024-06/evaders/index.html')!.toString()).toContain('stopped in March');
    expect(differences(edited.out, await cleanBuild(dir))).toEqual([]);
    // The compile of the profile before the edit is gone: the cache holds what the last build used.
    expect((await readCacheFile(cacheFile)).size).toBe(profiles.length);
  });

  it('compiles every profile again over a damaged cache, with the same output', async () => {
    const before = tree(outDir);
    const bytes = readFileSync(cacheFile);
    writeFileSync(cacheFile, bytes.subarray(0, bytes.length >> 1));
    const repaired = await build();
    expect(repaired).toMatchObject({ cached: 0, compiled: profiles.length });
    expect(differences(repaired.out, before)).toEqual([]);
  });

  it('compiles every profile again when a source changes (citations link with its title)', async () => {
    edit('sources/news-2024.yaml', 'title: Testland ends conscription', 'title: Testland abolishes the draft');
    const changed = await build();
    expect(changed).toMatchObject({ cached: 0, compiled: profiles.length });
    expect(differences(changed.out, await cleanBuild(dir))).toEqual([]);
  });
});
