/**
 * Pages a rebuild does not render: those an earlier build rendered from the same inputs (src/integrations/
 * page-cache.ts keeps them). Astro is asked to render every other page; each kept one is put in the output folder
 * and handed to the consumers of rendered pages (./rendered-pages.ts) in its turn, as its render would have been.
 */
import { removeTrailingForwardSlash } from '@astrojs/internal-helpers/path';
import type { AstroPrerenderer } from 'astro';
import { join } from 'node:path';
import type { SeenFile } from './output-on-disk.ts';
import { encodedPath, outputFileOf, pagePath } from './output-path.ts';

type PathWithRoute = Awaited<ReturnType<AstroPrerenderer['getStaticPaths']>>[number];

/**
 * Hands a page on as render number `seq` (./rendered-pages.ts WorkerFeed); a kept page with its digest and the status
 * its file had just before its bytes were read from the output folder.
 */
export type Send = (seq: number, file: string, bytes: Uint8Array, kept?: PublishedPage) => unknown;

/** A kept page as it was read from the output folder: the digest of its bytes, and its file's status before. */
export interface PublishedPage {
  digest: string;
  seen: SeenFile;
}

/**
 * When a path renders, as a rank: lower ranks first. The same in a build that keeps nothing as in one that keeps
 * almost everything, since the search index depends on the order.
 */
export type RenderRank = (pathname: string, routeType: string) => number;

/**
 * The paths in the order they are rendered, each once: Astro keeps the first of two paths that differ only by a
 * trailing slash, and renders fallback routes after every other; the others go by `rank`, and in Astro's order
 * within a rank. Render numbers (and so the order pages reach the search index) follow this list, not the order
 * renders happen to be called in, so that a build that renders only some pages numbers each page as a build that
 * renders all of them.
 */
export function renderOrder(paths: readonly PathWithRoute[], rank: RenderRank = () => 0): PathWithRoute[] {
  const seen = new Set<string>();
  const ranked = new Map<number, PathWithRoute[]>();
  const fallback: PathWithRoute[] = [];
  for (const p of paths) {
    const normalized = removeTrailingForwardSlash(p.pathname);
    if (seen.has(normalized)) continue;
    seen.add(normalized);
    const type = p.route.type;
    if (type === 'fallback') {
      fallback.push(p);
      continue;
    }
    const r = rank(pagePath(p.pathname, type), type);
    const group = ranked.get(r);
    if (group) group.push(p);
    else ranked.set(r, [p]);
  }
  const ranks = [...ranked.keys()].sort((a, b) => a - b);
  return [...ranks.flatMap((r) => ranked.get(r)!), ...fallback];
}

/** The last render number of each rank, in render order; fallback routes, rendered after every rank, have none. */
export type RankEnds = { rank: number; last: number }[];

/** Where each rank ends in `listed` (as renderOrder gave it, with the same `rank`). */
export function rankEnds(listed: readonly PathWithRoute[], rank: RenderRank = () => 0): RankEnds {
  const ends: RankEnds = [];
  listed.forEach((p, seq) => {
    const type = p.route.type;
    if (type === 'fallback') return;
    const r = rank(pagePath(p.pathname, type), type);
    if (ends.at(-1)?.rank === r) ends.at(-1)!.last = seq;
    else ends.push({ rank: r, last: seq });
  });
  return ends;
}

/**
 * A page an earlier build rendered from the same inputs (src/integrations/page-cache.ts). `has` is asked of every
 * path before rendering starts; a page it answers for is not rendered: `take` gives its digest, `publish` puts it
 * in the output folder (in place of whatever is at its path, and in the folders it needs), and `read` reads it back
 * from there when its turn comes, its bytes checked against the digest (it throws if they differ).
 */
export interface KeptPages {
  has(pathname: string, routeType: string): boolean;
  take(
    pathname: string,
    routeType: string,
  ): {
    digest: string;
    publish(path: string): void;
    read(path: string): { bytes: Uint8Array<ArrayBuffer>; seen: SeenFile };
  };
}

/** Settles when each render number has been handed to the worker or skipped, in any order. */
export class Handed {
  private readonly done = new Set<number>();
  private readonly waiting = new Map<number, () => void>();
  private over = false;

  mark(seq: number): void {
    this.done.add(seq);
    this.waiting.get(seq)?.();
    this.waiting.delete(seq);
  }

  until(seq: number): Promise<void> {
    if (this.done.has(seq) || this.over) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(seq, resolve));
  }

  /** Astro has rendered everything it will: a path it never asked for (a fallback it left out) waits no more. */
  end(): void {
    this.over = true;
    for (const resolve of this.waiting.values()) resolve();
    this.waiting.clear();
  }
}

/**
 * The render number of every path and the pages kept instead of rendered. Numbers follow the render order, so that
 * a build that renders only some pages numbers each page as a build that renders all of them (the search index
 * depends on the order pages reach it).
 */
export class RenderPlan {
  readonly handed = new Handed();
  /** Render number of each path, without its trailing slash (as Astro tells paths apart). */
  private readonly seqs = new Map<string, number>();
  /** For a path that was not listed (none should be): numbers after every listed one. */
  private unlisted = 0;
  private placing: Promise<void> = Promise.resolve();
  /** The output paths of the kept pages. */
  readonly keptFiles = new Set<string>();
  /** Where each rank ends in render order. */
  ends: RankEnds = [];

  private static key(pathname: string): string {
    return removeTrailingForwardSlash(encodedPath(pathname));
  }

  /**
   * Numbers Astro's `paths` in the order `rank` gives; returns those Astro is to render, in that order, and places the
   * `kept` ones as their turn comes.
   */
  paths(
    paths: readonly PathWithRoute[],
    kept: KeptPages | undefined,
    to: { outDir: string; send: Send },
    rank?: RenderRank,
  ): PathWithRoute[] {
    const listed = renderOrder(paths, rank);
    this.ends = rankEnds(listed, rank);
    const order = listed.map((p, seq): Ordered => {
      const type = p.route.type;
      const path = pagePath(p.pathname, type);
      this.seqs.set(RenderPlan.key(path), seq);
      return { seq, path, type, keep: !!kept && outputFileOf(path, type) !== null && kept.has(path, type) };
    });
    this.unlisted = order.length;
    if (!kept) return listed;
    for (const { path, type, keep } of order) if (keep) this.keptFiles.add(outputFileOf(path, type)!);
    this.placing = placeKept(order, kept, { ...to, handed: this.handed });
    // A failure is reported by placed(), which the build waits for; until then it must not end the process.
    this.placing.catch(() => {});
    return listed.filter((_, i) => !order[i].keep);
  }

  /** The render number of the page a request is for. */
  seqOf(pathname: string): number {
    return this.seqs.get(RenderPlan.key(pathname)) ?? this.unlisted++;
  }

  /** Once Astro has rendered all it will: settles when every kept page is placed, or fails as placing failed. */
  placed(): Promise<void> {
    this.handed.end();
    return this.placing;
  }
}

/** A path in render order, and whether it is kept instead of rendered. */
export interface Ordered {
  seq: number;
  path: string;
  type: string;
  keep: boolean;
}

/**
 * Runs `place` on each of `items`, in order, on this thread, a batch at a time with a turn of the event loop between
 * batches (renders go on meanwhile); gives each item's promise, which fails only if its own `place` failed.
 *
 * Why synchronously, in batches: placing a kept page is at most a folder and a hard link, and at 10,000 profiles the
 * asynchronous calls through the thread pool cost twice the CPU of the synchronous ones (2.5 s against 1.3 s for
 * 26,000 folders here), CPU the search index needs in a rebuild.
 */
export function inBatches<T, R>(items: readonly T[], place: (item: T) => R, size = 64): Promise<Awaited<R>>[] {
  const settle: { resolve(value: Awaited<R>): void; reject(error: unknown): void }[] = [];
  const promises = items.map(() => new Promise<Awaited<R>>((resolve, reject) => settle.push({ resolve, reject })));
  // Awaited by the caller, one by one, where a failure fails what needs it.
  for (const p of promises) p.catch(() => {});
  void (async () => {
    for (let at = 0; at < items.length; at += size) {
      for (let i = at; i < Math.min(at + size, items.length); i++) {
        try {
          settle[i].resolve(await place(items[i]));
        } catch (error) {
          settle[i].reject(error);
        }
      }
      await new Promise((next) => setImmediate(next));
    }
  })();
  return promises;
}

/**
 * Puts each kept page in `outDir` ahead of its turn (where the previous output holds it already, it stays as it is);
 * then, in render order, reads it back and hands it on (`send`, which waits while the consumers are far behind).
 * Before each rendered page it waits for that page's render: kept pages sent far ahead of the renders would be held
 * by the consumers until the renders came.
 *
 * Why ahead: a page read back well after it was linked into the folder gives a status (`seen`) that a later look can
 * trust (unchangedSince refuses a file changed moments before it was seen), so the consumers need not read it again
 * once rendering is over: at 10,000 profiles that is 750 MB not read twice.
 */
export async function placeKept(
  order: readonly Ordered[],
  pages: KeptPages,
  { outDir, handed, send }: { outDir: string; handed: Handed; send: Send },
): Promise<void> {
  const kept = order.flatMap(({ path, type, keep }) => {
    if (!keep) return [];
    const file = outputFileOf(path, type)!;
    return [{ path, type, file, target: join(outDir, file) }];
  });
  const ahead = inBatches(kept, ({ path, type, target }) => {
    const page = pages.take(path, type);
    page.publish(target);
    return page;
  });
  const placed = new Map(kept.map((k, i) => [k.path, { ...k, page: ahead[i] }]));
  for (const { seq, path, keep } of order) {
    if (!keep) {
      await handed.until(seq);
      continue;
    }
    const { file, target, page: placing } = placed.get(path)!;
    const page = await placing;
    const { bytes, seen } = page.read(target);
    await send(seq, file, bytes, { digest: page.digest, seen });
    handed.mark(seq);
  }
}
