/**
 * A rebuild reuses a page of one profile only while everything it renders from is unchanged, and a page that
 * reads beyond its scope is found by the scope check instead of being published.
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Corpus } from '../../../src/corpus/corpus.ts';
import { KeptPageChanged, PageReadsBeyondScope, pageCache, RENDER_RANK } from '../../../src/integrations/page-cache.ts';
import { getCorpus, publishCheckedCorpus } from '../../../src/site/site-data.ts';
import { VALID_FIXTURE } from '../../support/content-copy.ts';

type Options = Parameters<AstroPrerenderer['render']>[1];
const PAGE = { routeData: { type: 'page' } } as unknown as Options;
const ROOT = resolve(import.meta.dirname, '../../..');
const request = (path: string) => new Request(`http://localhost${path}`);
const text = async (r: Awaited<ReturnType<AstroPrerenderer['render']>>) =>
  (r instanceof Response ? r : r.response).text();

const tmp = mkdtempSync(join(tmpdir(), 'cg-page-cache-'));
const outDir = join(tmp, 'out');
// getCorpus() serves the published corpus only for the content folder it was read from.
const contentDirBefore = process.env.CG_CONTENT_DIR;
beforeAll(() => {
  process.env.CG_CONTENT_DIR = VALID_FIXTURE;
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  if (contentDirBefore === undefined) delete process.env.CG_CONTENT_DIR;
  else process.env.CG_CONTENT_DIR = contentDirBefore;
});

/** A page that shows what it reads: the profiles of the corpus it gets. */
function counting() {
  const rendered: string[] = [];
  const render: AstroPrerenderer['render'] = async (req) => {
    rendered.push(new URL(req.url).pathname);
    return new Response(
      `<p>${getCorpus()
        .profiles.map((p) => `${p.id}:${p.text.length}`)
        .join(' ')}</p>`,
    );
  };
  return { render, rendered };
}

/** A current profile published at two URLs as one page (as site-data's identicalPageKey names it). */
const identical = (pathname: string) =>
  ['/testland/2024-06/evaders/', '/testland/evaders/'].includes(pathname) ? '/testland/evaders/' : undefined;

/** One build: the cache's hooks around rendering `paths`, each page written where Astro writes it. */
async function build(paths: string[], cache = pageCache({ outDir })) {
  const hooks = cache.integration.hooks as Required<AstroIntegration['hooks']>;
  const config = { root: pathToFileURL(`${ROOT}/`), cacheDir: pathToFileURL(`${tmp}/cache/`) };
  await (hooks['astro:config:setup'] as (p: unknown) => unknown)({ command: 'build', config });
  const { render, rendered } = counting();
  const wrapped = cache.wrap(render);
  rmSync(outDir, { recursive: true, force: true });
  for (const path of paths) {
    const body = await text(await wrapped(request(path), PAGE));
    const file = join(outDir, path, 'index.html');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
  }
  const logged: string[] = [];
  await (hooks['astro:build:done'] as (p: unknown) => unknown)({ logger: { info: (m: string) => logged.push(m) } });
  return { rendered, logged };
}

const publish = (c: Corpus) => publishCheckedCorpus(c);

describe('the order pages render in', () => {
  it("puts each profile page first, every page that is not one profile's next, and histories and comparisons last", () => {
    publish(loadCorpus(VALID_FIXTURE));
    const { rank } = pageCache({ outDir });
    expect(rank('/testland/2024-06/evaders/', 'page')).toBe(RENDER_RANK.profile);
    expect(rank('/testland/evaders/', 'page')).toBe(RENDER_RANK.profile);
    for (const path of ['/', '/testland/', '/sources/', '/law/qd-9/']) expect(rank(path, 'page'), path).toBe(1);
    expect(rank('/testland/evaders/', 'redirect')).toBe(RENDER_RANK.other);
    expect(rank('/testland/evaders/history/', 'page')).toBe(2);
    expect(rank('/testland/evaders/compare/2023-01..2024-06/', 'page')).toBe(RENDER_RANK.historyOrComparison);
    expect([RENDER_RANK.profile, RENDER_RANK.other, RENDER_RANK.historyOrComparison]).toEqual([0, 1, 2]);
  });
});

describe('pages of one profile in a rebuild', () => {
  const paths = ['/testland/2024-06/evaders/', '/testland/deserters/', '/testland/'];

  it('are rendered by the first build, then reused while their scope is unchanged', async () => {
    publish(loadCorpus(VALID_FIXTURE));
    expect((await build(paths)).rendered).toEqual(paths);
    publish(loadCorpus(VALID_FIXTURE)); // the same content, read again by the next build
    const again = await build(paths);
    // The country page is not a page of one profile: it renders every time.
    expect(again.rendered).toEqual(['/testland/']);
    expect(again.logged.join('\n')).toMatch(/2 of 2 reused/);
  });

  it('are rendered again when a profile in their scope changes, and only those', async () => {
    const c = loadCorpus(VALID_FIXTURE);
    const evaders = c.profiles.find((p) => p.id === 'testland/2024-06/evaders')!;
    publish({ ...c, profiles: c.profiles.map((p) => (p === evaders ? { ...p, text: `${p.text}\nEdited.` } : p)) });
    // deserters' scope holds only the 2023-01 profiles: it is reused.
    expect((await build(paths)).rendered).toEqual(['/testland/2024-06/evaders/', '/testland/']);
  });

  /** The pages the store keeps for a build of the published corpus. */
  async function keptForNextBuild() {
    const cache = pageCache({ outDir });
    await (cache.integration.hooks['astro:config:setup'] as (p: unknown) => unknown)({
      command: 'build',
      config: { root: pathToFileURL(`${ROOT}/`), cacheDir: pathToFileURL(`${tmp}/cache/`) },
    });
    return cache.kept()!;
  }

  it('are taken from the store without rendering, whole, and put where they are published', async () => {
    publish(loadCorpus(VALID_FIXTURE));
    await build(paths);
    publish(loadCorpus(VALID_FIXTURE));
    const kept = await keptForNextBuild();
    expect(kept.has('/testland/2024-06/evaders/', 'page')).toBe(true);
    // Not a page of one profile, or not a page: rendered every time.
    expect(kept.has('/testland/', 'page')).toBe(false);
    expect(kept.has('/testland/2024-06/evaders/', 'endpoint')).toBe(false);
    const page = kept.take('/testland/2024-06/evaders/', 'page');
    const target = join(tmp, 'published.html');
    await page.publish(target);
    expect(readFileSync(target, 'utf8')).toBe(new TextDecoder().decode(page.read(target).bytes));
    expect(readFileSync(target, 'utf8')).toBe(
      readFileSync(join(outDir, 'testland/2024-06/evaders/index.html'), 'utf8'),
    );
  });

  it('fail the build at a kept page whose file was written to unseen, and are rendered by the next', async () => {
    publish(loadCorpus(VALID_FIXTURE));
    await build(paths);
    const stored = join(tmp, 'cache/cg-pages');
    const pagesStored = () =>
      readdirSync(stored)
        .filter((n) => /^[0-9a-f]{64}$/.test(n))
        .map((n) => join(stored, n));
    // Written an hour ago: a file written moments before it is seen could be written again with the same times.
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const file of pagesStored()) utimesSync(file, anHourAgo, anHourAgo);
    await build(paths); // reused: the store now knows its files' status
    for (const file of pagesStored()) {
      // Same size, mtime set back: only the digest tells.
      writeFileSync(file, readFileSync(file, 'utf8').replace('<p>', '<q>'));
      utimesSync(file, anHourAgo, anHourAgo);
    }
    const kept = await keptForNextBuild();
    expect(kept.has('/testland/deserters/', 'page')).toBe(true);
    const page = kept.take('/testland/deserters/', 'page');
    const target = join(tmp, 'published.html');
    await page.publish(target);
    expect(() => page.read(target)).toThrow(KeptPageChanged);
    expect((await keptForNextBuild()).has('/testland/deserters/', 'page')).toBe(false);
  });

  it('keep a page published at two URLs once, for both: a build that rendered one URL keeps the other', async () => {
    publish(loadCorpus(VALID_FIXTURE));
    await build(['/testland/2024-06/evaders/'], pageCache({ outDir, identical }));
    publish(loadCorpus(VALID_FIXTURE));
    const again = await build(['/testland/evaders/'], pageCache({ outDir, identical }));
    expect(again.rendered).toEqual([]);
  });

  it('show only their scope: a page reading beyond it differs from the whole corpus, and the check stops it', async () => {
    publish(loadCorpus(VALID_FIXTURE));
    const check = pageCache({ outDir, checkScopes: true });
    const { render } = counting();
    await expect(check.wrap(render)(request('/testland/deserters/'), PAGE)).rejects.toThrow(PageReadsBeyondScope);
    // A page that reads only its scope passes the same check.
    const own: AstroPrerenderer['render'] = async () => new Response(`<p>${getCorpus().sources.size}</p>`);
    expect(await text(await check.wrap(own)(request('/testland/deserters/'), PAGE))).toMatch(/<p>\d+<\/p>/);
  });
});
