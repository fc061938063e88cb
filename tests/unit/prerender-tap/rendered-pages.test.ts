import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { EventEmitter } from 'node:events';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import {
  digestOf,
  inStartOrder,
  renderedFile,
  renderedPages,
  WorkerFeed,
  type FeedEntry,
} from '../../../src/prerender-tap/rendered-pages.ts';
import {
  inBatches,
  rankEnds,
  renderOrder,
  type KeptPages,
  type RenderRank,
} from '../../../src/prerender-tap/kept-pages.ts';
import { outputFileOf, pagePath } from '../../../src/prerender-tap/output-path.ts';
import { seenNow } from '../../../src/prerender-tap/output-on-disk.ts';
import { folderWith } from '../../support/temp-folder.ts';

describe('where a rendered page will be written', () => {
  it.each([
    ['/', 'page', 'index.html'],
    ['/syria/deserters/', 'page', 'syria/deserters/index.html'],
    ['/syria/2025-12/deserters/', 'page', 'syria/2025-12/deserters/index.html'],
    ['/404/', 'page', '404.html'],
    ['/404', 'page', '404.html'],
    ['/data/v1/syria.json', 'endpoint', 'data/v1/syria.json'],
    ['/updates.xml', 'endpoint', 'updates.xml'],
    ['/sources/report%20one/', 'page', 'sources/report one/index.html'],
  ])('%s (%s) → %s', (pathname, type, file) => {
    expect(outputFileOf(pathname, type)).toBe(file);
  });

  it('is unknown for a path that is not valid percent-encoding (the file is then read from disk)', () => {
    expect(outputFileOf('/sources/%E0%A4%A/', 'page')).toBeNull();
  });
});

describe('a file fingerprint', () => {
  it('is the same for the same bytes and differs for one changed byte', () => {
    const a = new TextEncoder().encode('<p>Findings</p>');
    expect(digestOf(a)).toBe(digestOf(Buffer.from('<p>Findings</p>')));
    expect(digestOf(a)).not.toBe(digestOf(Buffer.from('<p>Findingz</p>')));
  });
});

describe('a rendered file as the scan and the search index receive it', () => {
  it('reads as its own bytes read from disk, even as a view into a larger buffer', () => {
    const whole = Buffer.from('xx<p>Déserteurs · “cités”</p>yy');
    const bytes = new Uint8Array(whole.buffer, whole.byteOffset + 2, whole.length - 4);
    const rendered = renderedFile('syria/deserters/index.html', bytes);
    expect(rendered.text).toBe('<p>Déserteurs · “cités”</p>');
    expect(rendered.digest).toBe(digestOf(Buffer.from('<p>Déserteurs · “cités”</p>')));
  });

  // The bytes are changed under the file to tell a decode from a reuse: a decoded text follows its bytes.
  it('is decoded when first read, not before (a page no consumer reads is never decoded)', () => {
    const bytes = Buffer.from('<p>a</p>');
    const rendered = renderedFile('a/index.html', bytes);
    bytes[3] = 'b'.charCodeAt(0);
    expect(rendered.text).toBe('<p>b</p>');
  });

  it('is decoded once: every later read, by any consumer, gets the text of the first', () => {
    const bytes = Buffer.from('<p>a</p>');
    const rendered = renderedFile('a/index.html', bytes);
    expect(rendered.text).toBe('<p>a</p>');
    bytes[3] = 'b'.charCodeAt(0);
    expect(rendered.text).toBe('<p>a</p>');
  });
});

describe('rendered files on their way to the worker', () => {
  /** A stand-in for the worker thread: records what is posted, and can answer how much it has read. */
  function fakeWorker() {
    const emitter = new EventEmitter();
    const posted: { files: { seq: number; file?: string; bytes?: Uint8Array }[] }[] = [];
    const worker = Object.assign(emitter, {
      postMessage: (message: (typeof posted)[number]) => posted.push(message),
    }) as unknown as Worker;
    return { worker, posted, read: (bytes: number) => emitter.emit('message', { read: bytes }) };
  }
  const page = (kb: number) => new Uint8Array(kb * 1024);
  /**
   * Whether a promise has settled once every pending callback has run. The feed resumes senders from its message
   * handler without timers, so a send that is still pending after the queue of callbacks is empty is waiting.
   */
  const settled = (p: Promise<void>) =>
    Promise.race([p.then(() => true), new Promise<boolean>((r) => setImmediate(() => r(false)))]);

  it('go in batches, and nothing is lost at the final flush', () => {
    const { worker, posted } = fakeWorker();
    const feed = new WorkerFeed(worker);
    for (let i = 0; i < 40; i++) void feed.send(i, `p${i}/index.html`, page(1));
    feed.flush();
    expect(posted.map((m) => m.files.length)).toEqual([32, 8]);
  });

  it('make rendering wait once the worker is far behind, until it has read enough', async () => {
    const { worker, read } = fakeWorker();
    const feed = new WorkerFeed(worker);
    const pagesUpToLimit = WorkerFeed.UNREAD_LIMIT / (1024 * 1024);
    for (let i = 0; i < pagesUpToLimit; i++) await feed.send(i, `p${i}/index.html`, page(1024));
    const blocked = feed.send(pagesUpToLimit, 'next/index.html', page(1024));
    expect(await settled(blocked)).toBe(false);
    read(WorkerFeed.UNREAD_LIMIT);
    expect(await settled(blocked)).toBe(true);
  });

  it('never leave rendering waiting for a worker that failed', async () => {
    const { worker, posted } = fakeWorker();
    const feed = new WorkerFeed(worker);
    let blocked: Promise<void> = Promise.resolve();
    for (let sent = 0; sent <= WorkerFeed.UNREAD_LIMIT / 1024 + 2048; sent += 1024)
      blocked = feed.send(sent, `p${sent}/index.html`, page(1024));
    expect(await settled(blocked)).toBe(false);
    feed.stop();
    expect(await settled(blocked)).toBe(true);
    // Nor keep what it can no longer hand over.
    expect(await settled(feed.send(1_000_000, 'after/index.html', page(1024)))).toBe(true);
    feed.flush();
    expect(posted.at(-1)?.files.some((f) => f.file === 'after/index.html')).toBe(false);
  });
});

describe('pages reach the search index in the order their renders started', () => {
  it('whatever order the renders finish in, skipped renders included', () => {
    const seen: string[] = [];
    const ordered = inStartOrder<FeedEntry>((e) => e.file && seen.push(e.file));
    const page = (seq: number) => ({ seq, file: `p${seq}`, bytes: new Uint8Array(1) });
    for (const entry of [page(2), { seq: 1 }, page(4), page(0), page(3)]) ordered.arrive(entry);
    expect(seen).toEqual(['p0', 'p2', 'p3', 'p4']);
  });

  it('hands on what is still held when asked to finish, in order', () => {
    const seen: string[] = [];
    const ordered = inStartOrder<FeedEntry>((e) => e.file && seen.push(e.file));
    for (const seq of [5, 3, 4]) ordered.arrive({ seq, file: `p${seq}`, bytes: new Uint8Array(1) });
    expect(seen).toEqual([]);
    ordered.drain();
    expect(seen).toEqual(['p3', 'p4', 'p5']);
  });
});

type Listed = Awaited<ReturnType<AstroPrerenderer['getStaticPaths']>>[number];
const listed = (pathname: string, type = 'page'): Listed => ({ pathname, route: { type } }) as unknown as Listed;

describe('the order pages are rendered and numbered in', () => {
  it("is Astro's: each path once (with or without its trailing slash), fallback routes last", () => {
    const order = renderOrder([
      listed('/a'),
      listed('/fr/a', 'fallback'),
      listed('/b'),
      listed('/a/'),
      listed('/updates.xml', 'endpoint'),
    ]);
    expect(order.map((p) => p.pathname)).toEqual(['/a', '/b', '/updates.xml', '/fr/a']);
  });

  it("goes by rank, in Astro's order within a rank, and asks the rank of each page by the path its request has", () => {
    const asked: string[] = [];
    const rank = (path: string) => (
      asked.push(path),
      path.startsWith('/syria/') ? (path.includes('/history/') ? 1 : 0) : 2
    );
    const order = renderOrder(
      [
        listed('/sources/report'),
        listed('/syria/deserters/history'),
        listed('/syria/deserters'),
        listed('/fr/a', 'fallback'),
        listed('/law/qd-9'),
        listed('/syria/returnees'),
      ],
      rank,
    );
    expect(order.map((p) => p.pathname)).toEqual([
      '/syria/deserters',
      '/syria/returnees',
      '/syria/deserters/history',
      '/sources/report',
      '/law/qd-9',
      '/fr/a',
    ]);
    expect(asked).toContain('/syria/deserters/');
  });

  it('says where each rank ends, so that a consumer knows when it has heard every page of a rank', () => {
    const rank = (path: string) => (path.startsWith('/syria/') ? (path.includes('/history/') ? 2 : 0) : 1);
    const listed_ = [listed('/syria/a'), listed('/'), listed('/syria/a/history'), listed('/law'), listed('/syria/b')];
    const order = renderOrder(listed_, rank);
    expect(order.map((p) => p.pathname)).toEqual(['/syria/a', '/syria/b', '/', '/law', '/syria/a/history']);
    expect(rankEnds(order, rank)).toEqual([
      { rank: 0, last: 1 },
      { rank: 1, last: 3 },
      { rank: 2, last: 4 },
    ]);
  });

  it('keeps every page whatever numbers the ranks are', () => {
    const ranks: Record<string, number> = { '/a/': 10, '/b/': -1, '/c/': 0.5 };
    const order = renderOrder([listed('/a'), listed('/b'), listed('/c')], (path) => ranks[path]);
    expect(order.map((p) => p.pathname)).toEqual(['/b', '/c', '/a']);
  });

  it('names a page by the path its request has: encoded, with the trailing slash of every page', () => {
    expect(pagePath('/syria/deserters', 'page')).toBe('/syria/deserters/');
    expect(pagePath('/syria/deserters/', 'page')).toBe('/syria/deserters/');
    expect(pagePath('/', 'page')).toBe('/');
    expect(pagePath('', 'page')).toBe('/');
    expect(pagePath('/sources/café', 'page')).toBe('/sources/caf%C3%A9/');
    expect(pagePath('/updates.xml', 'endpoint')).toBe('/updates.xml');
  });
});

/** The tap of `pages` around `inner` (a stand-in for Astro's prerenderer), building into `outDir`. */
async function tapOf(pages: ReturnType<typeof renderedPages>, outDir: string, inner: AstroPrerenderer) {
  const hooks = pages.integration.hooks as Required<AstroIntegration['hooks']>;
  await (hooks['astro:config:done'] as (p: unknown) => unknown)({ config: { outDir: pathToFileURL(`${outDir}/`) } });
  let tap!: (inner: AstroPrerenderer) => AstroPrerenderer;
  await (hooks['astro:build:start'] as (p: unknown) => unknown)({ setPrerenderer: (t: typeof tap) => (tap = t) });
  return tap(inner);
}

describe('a rebuild with pages kept from an earlier build', () => {
  /** The tap around a stand-in for Astro's prerenderer, with `kept` pages; what Astro was asked to render. */
  async function tapped(paths: Listed[], kept: KeptPages, outDir: string, rank?: RenderRank) {
    const rendered: string[] = [];
    const inner: AstroPrerenderer = {
      name: 'astro',
      getStaticPaths: async () => paths,
      render: async (request) => {
        rendered.push(new URL(request.url).pathname);
        return new Response(`<p>rendered ${new URL(request.url).pathname}</p>`);
      },
    };
    const prerenderer = await tapOf(renderedPages({ kept: () => kept, rank }), outDir, inner);
    await prerenderer.setup?.();
    const toRender = await prerenderer.getStaticPaths();
    for (const p of toRender) {
      const path = pagePath(p.pathname, p.route.type);
      await prerenderer.render(new Request(`http://localhost${path}`), { routeData: p.route });
    }
    await prerenderer.teardown?.();
    return { asked: toRender.map((p) => p.pathname), rendered };
  }

  /** Kept pages that say what they are, published by writing them (in the folders they need). */
  const keeping = (paths: string[]): KeptPages & { taken: string[] } => {
    const taken: string[] = [];
    return {
      taken,
      has: (path) => paths.includes(path),
      take: (path) => {
        taken.push(path);
        const bytes = new TextEncoder().encode(`<p>kept ${path}</p>`);
        return {
          digest: digestOf(bytes),
          publish: (file) => {
            mkdirSync(dirname(file), { recursive: true });
            writeFileSync(file, `<p>kept ${path}</p>`);
          },
          read: (file) => ({ bytes: new Uint8Array(readFileSync(file)), seen: seenNow(file) }),
        };
      },
    };
  };

  it('renders only the pages not kept, and publishes the kept ones where Astro would have written them', async () => {
    const out = folderWith({});
    const kept = keeping(['/testland/evaders/', '/testland/2024-06/evaders/']);
    const { asked, rendered } = await tapped(
      [
        listed('/'),
        listed('/testland/evaders'),
        listed('/testland/2024-06/evaders'),
        listed('/updates.xml', 'endpoint'),
      ],
      kept,
      out,
    );
    expect(asked).toEqual(['/', '/updates.xml']);
    expect(rendered).toEqual(['/', '/updates.xml']);
    expect(kept.taken).toEqual(['/testland/evaders/', '/testland/2024-06/evaders/']);
    expect(readFileSync(join(out, 'testland/evaders/index.html'), 'utf8')).toBe('<p>kept /testland/evaders/</p>');
    expect(readFileSync(join(out, 'testland/2024-06/evaders/index.html'), 'utf8')).toBe(
      '<p>kept /testland/2024-06/evaders/</p>',
    );
  });

  it('asks Astro to render the pages not kept in rank order, profile pages before the rest', async () => {
    const out = folderWith({});
    const kept = keeping(['/testland/evaders/']);
    const rank = (path: string) => (path.startsWith('/testland/') ? 0 : 1);
    const { asked, rendered } = await tapped(
      [listed('/'), listed('/testland/evaders'), listed('/testland/returnees'), listed('/updates.xml', 'endpoint')],
      kept,
      out,
      rank,
    );
    expect(asked).toEqual(['/testland/returnees', '/', '/updates.xml']);
    expect(rendered).toEqual(['/testland/returnees/', '/', '/updates.xml']);
  });

  it('lists the output paths of the kept pages, which the build publishes untouched', async () => {
    const out = folderWith({});
    const pages = renderedPages({ kept: () => keeping(['/testland/evaders/']) });
    const prerenderer = await tapOf(pages, out, {
      name: 'astro',
      getStaticPaths: async () => [listed('/'), listed('/testland/evaders')],
      render: async () => new Response('<p>rendered</p>'),
    });
    await prerenderer.getStaticPaths();
    expect([...pages.kept()]).toEqual(['testland/evaders/index.html']);
  });

  // A file of the previous output may be a hard link to a page the page store keeps: Astro, which writes a page into
  // the file at its path, would change the kept page with it.
  it("removes the file at a rendered page's path before Astro writes it, so that a link there is not written through", async () => {
    const out = folderWith({ 'keep/stored.html': '<p>stored</p>', 'testland/returnees/index.html': '' });
    const page = join(out, 'testland/returnees/index.html');
    rmSync(page);
    linkSync(join(out, 'keep/stored.html'), page);
    const pages = renderedPages();
    const prerenderer = await tapOf(pages, out, {
      name: 'astro',
      getStaticPaths: async () => [listed('/testland/returnees')],
      render: async () => new Response('<p>rendered again</p>'),
    });
    await prerenderer.getStaticPaths();
    const response = await prerenderer.render(new Request('http://localhost/testland/returnees/'), {
      routeData: listed('/testland/returnees').route,
    } as Parameters<AstroPrerenderer['render']>[1]);
    // What Astro does with the response: write its body to the page's file.
    await writeFile(page, Buffer.from(await (response as Response).arrayBuffer()));
    expect(readFileSync(page, 'utf8')).toBe('<p>rendered again</p>');
    expect(readFileSync(join(out, 'keep/stored.html'), 'utf8')).toBe('<p>stored</p>');
  });

  it('fails when a kept page can no longer be taken, instead of publishing without it', async () => {
    const out = folderWith({});
    const gone: KeptPages = {
      has: () => true,
      take: () => {
        throw new Error('the kept page changed');
      },
    };
    await expect(tapped([listed('/testland/evaders')], gone, out)).rejects.toThrow('the kept page changed');
  });
});

describe('kept pages placed ahead of their turn', () => {
  it('are placed in order, a batch at a time, with renders let in between batches', async () => {
    const placed: number[] = [];
    const items = Array.from({ length: 10 }, (_, i) => i);
    const promises = inBatches(items, (i) => placed.push(i), 4);
    const duringFirstTurn = await new Promise<number>((r) => setImmediate(() => r(placed.length)));
    expect(duringFirstTurn).toBeGreaterThan(0);
    expect(duringFirstTurn).toBeLessThan(10);
    await Promise.all(promises);
    expect(placed).toEqual(items);
  });

  it('that cannot be placed fail only their own promise', async () => {
    const out = folderWith({ blocked: 'a file where a folder should be' });
    const promises = inBatches([join(out, 'blocked', 'page'), join(out, 'fine')], (folder) =>
      mkdirSync(folder, { recursive: true }),
    );
    await expect(promises[0]).rejects.toThrow();
    await expect(promises[1]).resolves.not.toThrow();
    expect(existsSync(join(out, 'fine'))).toBe(true);
  });
});
