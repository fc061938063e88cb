/**
 * Hands every file Astro renders to consumers the moment it is rendered, so that work on the output (the publish
 * scan, the search index) runs on the machine's other core while Astro renders the next page, instead of
 * re-reading the whole output after the last page. It wraps Astro's own prerenderer (the public `setPrerenderer`
 * of `astro:build:start`) and passes every response on unchanged; the consumers run in one worker thread
 * (./rendered-pages-worker.ts), so the rendering thread only copies each file once.
 *
 * What consumers receive is what Astro was about to write, not proof of what it wrote: a consumer that makes a
 * decision on it compares with the files on disk when asked to finish (`digestOf` both) and reads again whatever
 * differs or was never handed over. Under `astro dev` nothing is rendered ahead and no worker starts.
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileOnDisk } from './output-on-disk.ts';
import { renderIdenticalOnce, type IdenticalKey } from './identical-renders.ts';
import {
  RenderPlan,
  type KeptPages,
  type PublishedPage,
  type RankEnds,
  type RenderRank,
  type Send,
} from './kept-pages.ts';
import { outputFileOf } from './output-path.ts';
import { pageResponse, responseOf, withResponse, type Render, type RenderResult } from './prerender-result.ts';

export interface RenderedFile {
  /** Path in the output folder, "/"-separated, e.g. "syria/deserters/index.html". */
  file: string;
  bytes: Uint8Array;
  /** `digestOf(bytes)`. */
  digest: string;
  /** The bytes decoded as `readFileSync(file, 'utf8')` decodes them on disk; decoded once, for every consumer. */
  readonly text: string;
  /**
   * Whether the file is in the output folder already, with these bytes: a kept page (./kept-pages.ts) is linked
   * there before it is handed over, while a rendered one is handed over before Astro writes it.
   */
  published?: boolean;
}

/**
 * What a consumer module's default export returns (given the options it was registered with): it hears each
 * rendered file, then finishes on the output folder as it stands on disk and returns a structured-cloneable result.
 * The files it `wants` of the output folder are read once for all consumers when the first one finishes
 * (./output-on-disk.ts), and handed to `onDisk`; `read` settles when the last has been.
 */
export interface PageConsumer<Result> {
  file(rendered: RenderedFile): void;
  /**
   * A file Astro rendered, as soon as it reaches the worker: before its turn in `file`, which hears files in render
   * order. Kept pages, which arrive in their turn, are not heard here.
   */
  ahead?(rendered: RenderedFile): void;
  /** Every file of render rank `rank` and of the ranks before it has been heard in `file` (./kept-pages.ts). */
  rankHeard?(rank: number): void;
  wants?(file: string): boolean;
  onDisk?(found: FileOnDisk): void;
  finish(dir: string, read: Promise<void>): Promise<Result>;
}

/**
 * A file's fingerprint, the same for what was rendered and what is on disk. SHA-256, because a scan's verdict is
 * reused for whatever has the same fingerprint, and no two different pages may be made to share one (as two can
 * under SHA-1); with the processor's SHA instructions it costs what SHA-1 did.
 */
export function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}

/**
 * A rendered file as consumers receive it: fingerprinted, and decoded the first time a consumer reads its text.
 * `digest`, if given, is `digestOf(bytes)` known already: a kept page's, which the page store checked.
 */
export function renderedFile(
  file: string,
  bytes: Uint8Array,
  digest = digestOf(bytes),
  published = false,
): RenderedFile {
  let text: string | undefined;
  return {
    file,
    bytes,
    digest,
    published,
    get text() {
      return (text ??= Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    },
  };
}

interface Registration {
  name: string;
  module: string;
  /** The options, or a function that gives them when the build starts (what they depend on may be known only then). */
  options: unknown;
}

type Reply = { id: number; result?: unknown; error?: string };

/**
 * One render's file for the worker, numbered in the order Astro started the renders; no file if it was skipped. A
 * kept page comes as it was read from the output folder (./kept-pages.ts placeKept).
 */
export type FeedEntry = { seq: number; file?: string; bytes?: Uint8Array; kept?: PublishedPage };

/**
 * Puts entries back in render-start order: files arrive in the order their renders finished, and are handed on
 * in the order the renders started. `drain` hands on whatever is still held (it waited for a render that never
 * reported, which only a failed build has), in order.
 */
export function inStartOrder<Entry extends { seq: number }>(deliver: (entry: Entry) => void) {
  const held = new Map<number, Entry>();
  let next = 0;
  return {
    arrive(entry: Entry): void {
      held.set(entry.seq, entry);
      for (let e = held.get(next); e; e = held.get(next)) {
        held.delete(next++);
        deliver(e);
      }
    },
    drain(): void {
      for (const seq of [...held.keys()].sort((a, b) => a - b)) deliver(held.get(seq)!);
      held.clear();
    },
  };
}

/**
 * Rendered files on their way to the worker. They go in batches: each message costs far more than the bytes it
 * carries. The worker runs at a lower priority than rendering, so on a busy machine it falls behind; past a limit
 * of bytes it has not read yet, rendering waits for it, or the queue would grow with the whole site.
 */
export class WorkerFeed {
  static readonly UNREAD_LIMIT = 32 << 20;
  private batch: FeedEntry[] = [];
  private batchBytes = 0;
  private unread = 0;
  private waiting: (() => void)[] = [];
  private stopped = false;
  private readonly worker: Worker;

  constructor(worker: Worker) {
    this.worker = worker;
    worker.on('message', (message: { read?: number }) => {
      if (message.read === undefined) return;
      this.unread -= message.read;
      if (this.unread <= WorkerFeed.UNREAD_LIMIT / 2) this.resume();
    });
  }

  /**
   * Queues the file of render number `seq` (its bytes are moved to the worker, not copied); waits while the worker
   * is too far behind. Every render number is either sent or skipped: the worker hands files on in that order.
   */
  async send(seq: number, file: string, bytes: Uint8Array, kept?: PublishedPage): Promise<void> {
    if (this.stopped) return;
    this.batch.push({ seq, file, bytes, kept });
    this.batchBytes += bytes.byteLength;
    if (this.batch.length >= 32 || this.batchBytes >= 1 << 20) this.flush();
    if (this.unread > WorkerFeed.UNREAD_LIMIT && !this.stopped)
      await new Promise<void>((resume) => this.waiting.push(resume));
  }

  /** Tells the worker where each rank ends in render order, before any file of it is sent. */
  ranks(ends: RankEnds): void {
    if (!this.stopped) this.worker.postMessage({ ranks: ends });
  }

  /** Render number `seq` wrote nothing the worker will see (a redirect, an error page, a failed render). */
  skip(seq: number): void {
    if (!this.stopped) this.batch.push({ seq });
  }

  flush(): void {
    if (this.batch.length === 0 || this.stopped) return;
    const transfer = this.batch.flatMap((f) => (f.bytes ? [f.bytes.buffer as ArrayBuffer] : []));
    this.worker.postMessage({ files: this.batch }, transfer);
    this.unread += this.batchBytes;
    this.batch = [];
    this.batchBytes = 0;
  }

  /** The worker failed: it reads nothing more, and rendering must not wait for it (the build fails at finish). */
  stop(): void {
    this.stopped = true;
    this.resume();
  }

  private resume(): void {
    for (const resume of this.waiting) resume();
    this.waiting = [];
  }
}

/** Renders one page and hands its file to the worker, numbered by `plan`; Astro gets the same response. */
async function renderAndFeed(
  renderPage: Render,
  to: { feed?: WorkerFeed; outDir: string },
  plan: RenderPlan,
  ...args: Parameters<Render>
) {
  const seq = plan.seqOf(new URL(args[0].url).pathname);
  try {
    return await renderAndFeedAs(seq, renderPage, to, ...args);
  } finally {
    plan.handed.mark(seq);
  }
}

/**
 * Renders one page as render number `seq`: its file is handed on, or the number skipped if it wrote none. Whatever
 * is at its path in `outDir` is removed first.
 */
async function renderAndFeedAs(
  seq: number,
  renderPage: Render,
  { feed, outDir }: { feed?: WorkerFeed; outDir: string },
  ...args: Parameters<Render>
) {
  const [request, options] = args;
  let result: RenderResult;
  try {
    result = await renderPage(request, options);
  } catch (error) {
    feed?.skip(seq);
    throw error;
  }
  const response = responseOf(result);
  // Redirects are written from Astro's own template, not from the body; they are read from disk at the end.
  const file = outputFileOf(new URL(request.url).pathname, options.routeData.type);
  // Astro writes a page into the file at its path, in place: in a build into the previous output, that file may be
  // a link to a page the page store keeps (src/build-cache/page-store.ts), which must not change with it.
  if (file !== null && outDir) await rm(join(outDir, file), { force: true });
  if (!feed || response.status !== 200 || !response.body || file === null) {
    feed?.skip(seq);
    return result;
  }
  const page = await pageResponse(response);
  // The worker gets a copy of the bytes, moved rather than cloned again: moving detaches them, and Astro has yet to
  // write the page's own (which may be shared with the page's other URL).
  await feed.send(seq, file, page.rendered.slice());
  return withResponse(result, page);
}

interface RenderedPagesOptions {
  identical?: IdenticalKey;
  wrap?: (render: Render) => Render;
  ready?: () => Promise<unknown>;
  kept?: () => KeptPages | undefined;
  rank?: RenderRank;
}

/**
 * The integration and its consumers. `identical` names the pages published at more than one URL, each rendered
 * once (./identical-renders.ts); `wrap`, if given, takes each render first (src/integrations/page-cache.ts);
 * `ready`, if given, is waited for before the first page renders (after the bundle, which does not need it);
 * `kept`, if given, names pages an earlier build rendered from the same inputs: Astro is not asked to render them,
 * and they are put in the output folder and handed to the consumers in their turn, as a render of them would be;
 * `rank`, if given, orders the pages to render (and number): ./kept-pages.ts renderOrder.
 */
export function renderedPages({ identical, wrap, ready, kept, rank }: RenderedPagesOptions = {}) {
  const registered: Registration[] = [];
  let worker: Worker | undefined;
  let failure: Error | undefined;
  let nextId = 0;
  const finished = new Set<string>();
  let feed: WorkerFeed | undefined;
  let outDir = '';
  const plan = new RenderPlan();
  const feedSend: Send = (...args) => feed?.send(...args);

  const tap = (inner: AstroPrerenderer): AstroPrerenderer => {
    const renderOne: Render = (request, options) => inner.render(request, options);
    const renderAlone = wrap ? wrap(renderOne) : renderOne;
    return withFeed(inner, identical ? renderIdenticalOnce(renderAlone, identical) : renderAlone);
  };
  const withFeed = (inner: AstroPrerenderer, renderPage: Render): AstroPrerenderer => ({
    ...inner,
    name: 'cg:rendered-pages',
    setup: async () => {
      await ready?.();
      await inner.setup?.();
    },
    // Numbered before rendering: with build.concurrency renders finish out of order, and the search index depends
    // on the order pages reach it (the worker restores this one, so every build gives the same index).
    getStaticPaths: async () => {
      const toRender = plan.paths(await inner.getStaticPaths(), kept?.(), { outDir, send: feedSend }, rank);
      feed?.ranks(plan.ends);
      return toRender;
    },
    teardown: () =>
      plan.placed().finally(async () => {
        feed?.flush();
        await inner.teardown?.();
      }),
    collectStaticImages: inner.collectStaticImages && (() => inner.collectStaticImages!()),
    render: (request, options) => renderAndFeed(renderPage, { feed, outDir }, plan, request, options),
  });

  /** Runs one consumer's finish on the output folder, in the worker; the worker ends after the last one. */
  function finish<Result>(name: string, dir: string): Promise<Result> {
    const w = worker;
    if (!w) return Promise.reject(new Error(`${name}: no pages were rendered`));
    if (failure) return Promise.reject(failure);
    feed?.flush();
    return ask<Result>(w, { finish: name, id: nextId++, dir }, () => {
      finished.add(name);
      if (registered.every((r) => finished.has(r.name))) void w.terminate();
    });
  }

  return {
    /**
     * Registers a consumer module (its URL) to run in the worker; call before the build starts. `options` go to its
     * default export; a function is called for them when the build starts.
     */
    use(name: string, module: URL, options: unknown = {}) {
      registered.push({ name, module: module.href, options });
    },
    finish,
    /** The output paths of the pages this build published from earlier builds instead of rendering them. */
    kept: (): ReadonlySet<string> => plan.keptFiles,
    integration: {
      name: 'cg:rendered-pages',
      hooks: {
        'astro:config:done': ({ config }) => {
          outDir = fileURLToPath(config.outDir);
        },
        'astro:build:start': ({ setPrerenderer }) => {
          setPrerenderer(tap);
          if (registered.length === 0) return;
          const workerData = registered.map((r) => ({
            ...r,
            options: typeof r.options === 'function' ? (r.options as () => unknown)() : r.options,
          }));
          worker = new Worker(new URL('./rendered-pages-worker.ts', import.meta.url), { workerData });
          // A build that stops early must not wait for the worker; an error in it fails the build when it finishes.
          worker.unref();
          feed = new WorkerFeed(worker);
          worker.on('error', (error) => {
            failure ??= error;
            feed?.stop();
          });
          worker.on('exit', (code) => {
            failure ??= new Error(`the worker for rendered pages stopped (exit code ${code})`);
            feed?.stop();
          });
        },
      },
    } satisfies AstroIntegration,
  };
}

/** Sends one finish request to the worker and waits for its answer, or for the worker to fail. */
function ask<Result>(w: Worker, request: { finish: string; id: number; dir: string }, settled: () => void) {
  return new Promise<Result>((done, fail) => {
    const onMessage = (reply: Reply) => {
      if (reply.id !== request.id) return;
      cleanUp();
      if (reply.error !== undefined) fail(new Error(reply.error));
      else done(reply.result as Result);
    };
    const onError = (error: Error) => (cleanUp(), fail(error));
    const onExit = (code: number) => (
      cleanUp(),
      fail(new Error(`${request.finish}: the worker stopped (exit code ${code})`))
    );
    const cleanUp = () => {
      w.off('message', onMessage).off('error', onError).off('exit', onExit);
      settled();
    };
    w.on('message', onMessage).on('error', onError).on('exit', onExit);
    w.postMessage(request);
  });
}
