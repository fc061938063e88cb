/**
 * A rebuild reuses what the build before it kept (Astro's cache folder, the formatted references, and any page an
 * incremental build skips). Whatever it reuses, its output must be byte for byte the output of a clean build of
 * the same content: after each kind of edit, the same content is built again from scratch (a copy in a new folder
 * gets a cache folder of its own) and every file of the two outputs is compared, the search index included. The
 * fixture's search index is split into parts here, as a large site's is, so that kept parts are compared too.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALID_FIXTURE } from '../support/content-copy.ts';
import { differences, scratch, tree } from '../support/rebuilds.ts';
import { astroBuild } from '../support/run-build.ts';

const { tmpDir, contentCopy, cleanBuild: cleanBuildOf } = scratch();

/** One part of the search index per profile page (src/integrations/search-parts.ts): the fixture has a few. */
const SPLIT = { CG_SEARCH_PAGES_PER_PART: '1' };
const cleanBuild = (content: string, env: Record<string, string> = {}) => cleanBuildOf(content, { ...SPLIT, ...env });

describe('a rebuild after an edit equals a clean build of the same content', () => {
  const dir = contentCopy(VALID_FIXTURE, 'content-rebuild-');
  const outDir = tmpDir('out-rebuild-');
  let lastOutput = '';
  const rebuild = async (env: Record<string, string> = {}) => {
    const result = await astroBuild({ contentDir: dir, outDir, env: { ...SPLIT, ...env } });
    expect(result.code, result.output).toBe(0);
    lastOutput = result.output;
    return tree(outDir);
  };
  /** "pages of one profile: R of T reused from earlier builds", as the last build logged it. */
  const reuse = () => {
    const m = /pages of one profile: (\d+) of (\d+) reused/.exec(lastOutput);
    if (!m) throw new Error(`the build did not say what it reused:\n${lastOutput}`);
    return { reused: Number(m[1]), total: Number(m[2]) };
  };
  /** How the last build made its search index's parts, as it logged them. */
  const indexParts = () => {
    const m = /search index: \d+ pages marked data-pagefind-body, in (\d+) parts \(([^)]*)\)/.exec(lastOutput);
    if (!m) throw new Error(`the build did not say how it made its search index:\n${lastOutput}`);
    const made = (how: string) => Number(new RegExp(`(\\d+) ${how}`).exec(m[2])?.[1] ?? 0);
    return {
      parts: Number(m[1]),
      kept: made('kept'),
      indexed: made('indexed while rendering') + made('indexed after'),
      whileRendering: made('indexed while rendering'),
    };
  };
  /** How many pages Astro rendered in the last build ("N page(s) built"). */
  const astroRendered = () => Number(/(\d+) page\(s\) built/.exec(lastOutput)?.[1]);
  let everyPage = 0;
  const file = (path: string) => join(dir, path);
  const replace = (path: string, from: string, to: string) => {
    const text = readFileSync(file(path), 'utf8');
    if (!text.includes(from)) throw new Error(`${path} does not contain ${JSON.stringify(from)}; the fixture changed`);
    writeFileSync(file(path), text.replace(from, to));
  };
  const profile = 'profiles/testland/2024-06/evaders.mdx';
  const added = 'profiles/testland/2024-06/deserters.mdx';

  it('builds the fixture once, so every rebuild below has a build before it', async () => {
    expect((await rebuild()).size).toBeGreaterThan(20);
    everyPage = astroRendered();
    // Every searchable page renders before histories and comparisons: the index is written while they render.
    expect(lastOutput).toMatch(/search index: .*; written while the last pages rendered/);
    expect(indexParts().parts).toBeGreaterThan(1);
    expect(indexParts().kept).toBe(0);
  });

  const edits: [string, () => void, (out: Map<string, Buffer>) => void][] = [
    [
      "a finding's text (with files added to the published output by hand, which are not published again)",
      () => {
        replace(profile, 'Conscription ended in March 2024', 'Conscription was ended in March 2024');
        // A rebuild is written into the previous output: what it did not write must not stay.
        writeFileSync(join(outDir, 'stray.html'), '<p>stray</p>');
        mkdirSync(join(outDir, 'testland/stray'));
        writeFileSync(join(outDir, 'testland/stray/index.html'), '<p>stray</p>');
      },
      (out) => {
        expect(out.get('testland/2024-06/evaders/index.html')!.toString()).toContain('was ended');
        expect([...out.keys()].filter((f) => f.includes('stray'))).toEqual([]);
        // The pages of the edited profile render again; those of the retired one (another scope) are reused.
        const { reused, total } = reuse();
        expect(reused).toBeGreaterThan(0);
        expect(reused).toBeLessThan(total);
        // A kept page is published from the store: Astro is not asked to render it.
        const published = Number(/(\d+) pages published from the store/.exec(lastOutput)?.[1]);
        expect(published).toBeGreaterThanOrEqual(reused);
        expect(astroRendered() + published).toBe(everyPage);
        // Only the search index's part that holds the edited page is indexed again, and while the pages render
        // (from the edited page on, the pages before it read again); the others are kept.
        expect(indexParts()).toMatchObject({ indexed: 1, whileRendering: 1, kept: indexParts().parts - 1 });
      },
    ],
    [
      "a source's title (every page citing it changes)",
      () =>
        replace('sources/news-2024.yaml', 'title: Testland ends conscription', 'title: Testland abolishes the draft'),
      (out) => {
        expect(out.get('testland/2024-06/evaders/index.html')!.toString()).toContain('abolishes the draft');
        // Every page of one profile may cite any source: none is reused.
        expect(reuse().reused).toBe(0);
      },
    ],
    [
      'a profile added',
      () =>
        writeFileSync(
          file(added),
          readFileSync(file(profile), 'utf8').replace('title: Draft evaders', 'title: Deserters'),
        ),
      (out) => expect(out.has('testland/2024-06/deserters/index.html')).toBe(true),
    ],
    [
      'the profile removed again',
      () => rmSync(file(added)),
      (out) => expect(out.has('testland/2024-06/deserters/index.html')).toBe(false),
    ],
    [
      'a new edition',
      () => {
        replace(
          'editions/testland-2024-06.yaml',
          'legalBasis: qd',
          'legalBasis: qd\nsupersededBy: testland-2025-02\nsupersededOn: "2025-02-01"',
        );
        const next = readFileSync(file('editions/testland-2024-06.yaml'), 'utf8')
          .replace(/^supersed.*\n/gm, '')
          .replaceAll('June 2024', 'February 2025')
          .replace('published: "2024-06-01"', 'published: "2025-02-01"')
          .replace('sourcesUpTo: "2024-06-01"', 'sourcesUpTo: "2025-02-01"');
        writeFileSync(file('editions/testland-2025-02.yaml'), next);
        mkdirSync(file('profiles/testland/2025-02'));
        writeFileSync(file('profiles/testland/2025-02/evaders.mdx'), readFileSync(file(profile)));
      },
      (out) => expect(out.has('testland/2025-02/evaders/index.html')).toBe(true),
    ],
  ];

  for (const [kind, edit, shows] of edits) {
    it(`after ${kind}`, async () => {
      edit();
      const rebuilt = await rebuild();
      shows(rebuilt);
      expect(differences(rebuilt, await cleanBuild(dir))).toEqual([]);
    });
  }

  it('after a change of code or settings (the publisher named in every citation): nothing is reused', async () => {
    const env = { CG_PUBLISHER: 'Testland Guidance Office' };
    const rebuilt = await rebuild(env);
    expect(rebuilt.get('testland/2024-06/evaders/index.html')!.toString()).toContain('Testland Guidance Office');
    expect(reuse().reused).toBe(0);
    expect(differences(rebuilt, await cleanBuild(dir, env))).toEqual([]);
  });
});
