/**
 * Edit to live: a rebuild renders only the pages whose inputs changed. A page of one profile renders in its scope
 * (src/site/page-scope.ts): the only corpus it can read. Its key is a SHA-256 of everything it is made from: the
 * code (codeFingerprint), its path, every profile of its scope byte for byte, every country, edition, source and
 * provision file, and the finding titles its profile's cross-references are compiled with. A page whose key an
 * earlier build rendered is not rendered: it is published from the page store (src/build-cache/page-store.ts, by
 * src/prerender-tap/kept-pages.ts), its bytes checked against the digest they had; every other page renders as
 * before. A page published at two URLs is kept once for both. The output is the same either way
 * (tests/build/rebuild-equals-clean-build.test.ts): the reused bytes are what the same inputs rendered to.
 *
 * `CG_CHECK_PAGE_SCOPES=1` reuses nothing and renders each scoped page twice, in its scope and with the whole
 * corpus, and fails the build if they differ: a page that reads beyond its scope is found, not published.
 */
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkedFindingTitles } from '../content-gate/gate-sources.ts';
import type { Corpus, Entry } from '../corpus/corpus.ts';
import { cacheKey } from '../build-cache/cache-key.ts';
import { codeFingerprint } from '../build-cache/code-fingerprint.ts';
import { PageStore } from '../build-cache/page-store.ts';
import { outputFileOf } from '../prerender-tap/output-path.ts';
import type { KeptPages, RenderRank } from '../prerender-tap/kept-pages.ts';
import {
  PageResponse,
  pageResponse,
  responseOf,
  withResponse,
  type Render,
} from '../prerender-tap/prerender-result.ts';
import { getCorpus } from '../site/site-data.ts';
import { familyOfPage, pageOfProfile, renderInScope, renderUnscoped, scopeOf } from '../site/page-scope.ts';

const entryDigests = new WeakMap<object, string>();

/** A content file's own digest: its path and its bytes (everything the corpus reads from it). */
function entryDigest(e: Entry<unknown>): string {
  let d = entryDigests.get(e);
  if (d === undefined) {
    d = cacheKey(e.file, e.text);
    entryDigests.set(e, d);
  }
  return d;
}

const sharedDigests = new WeakMap<Corpus, string>();

/** What every scoped page is made from besides its profiles: code, the other collections, the finding titles. */
function sharedDigest(c: Corpus, code: string): string {
  let d = sharedDigests.get(c);
  if (d === undefined) {
    const sorted = <T>(m: Map<string, T>) => [...m].sort(([a], [b]) => a.localeCompare(b));
    d = cacheKey(
      code,
      ...([c.countries, c.editions, c.sources, c.provisions] as Map<string, Entry<unknown>>[]).flatMap((collection) => [
        ...sorted(collection).flatMap(([id, e]) => [id, entryDigest(e)]),
        '--',
      ]),
      ...sorted(checkedFindingTitles()).flat(),
    );
    sharedDigests.set(c, d);
  }
  return d;
}

/**
 * The key of a scoped page: a SHA-256 of everything it renders from (hex: it names a file in the store). `page` is
 * its path, or what names the one page it is published as at two URLs (identicalPageKey in src/site/site-data.ts):
 * both URLs keep one copy, however many of them a build rendered.
 */
export function pageKey(shared: string, page: string, scope: Corpus): string {
  return cacheKey(shared, page, ...scope.profiles.flatMap((p) => [p.id, entryDigest(p)]));
}

/**
 * The ranks of the render order: a profile's pages (each version, its current URL), then every page that is not one
 * profile's, then profiles' histories and comparisons, which the search index does not hold.
 */
export const RENDER_RANK = { profile: 0, other: 1, historyOrComparison: 2 } as const;

/** A scoped page rendered in and out of its scope differs: the scope is missing something the page reads. */
export class PageReadsBeyondScope extends Error {
  constructor(pathname: string, family: string, at: number, scoped: string, whole: string) {
    super(
      `${pathname} renders differently in its scope (the profile ${family}) than with the whole corpus, from byte ${at}:\n` +
        `  in scope:    …${scoped}…\n  whole corpus: …${whole}…\n` +
        'hint: the page reads a profile its scope does not hold; add what it points to in scopeOf (src/site/page-scope.ts)',
    );
    this.name = 'PageReadsBeyondScope';
  }
}

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

/** A kept page whose file no longer has the bytes it was rendered with, found when its turn came. */
export class KeptPageChanged extends Error {
  constructor(pathname: string) {
    super(
      `${pathname}: the page kept from an earlier build is no longer what was rendered (its file was written to), and this build did not render it.\n` +
        'hint: something wrote to the page cache (node_modules/.astro/cg-pages/) or the published output; build again, and the page is rendered',
    );
    this.name = 'KeptPageChanged';
  }
}

const HTML = { 'content-type': 'text/html' };

/**
 * The pages of one profile `store` holds whole for corpus `c` (`keyOf` names each), asked once the corpus is
 * loaded. A page is kept only while its bytes have the digest they were rendered with.
 */
function keptPages(
  store: PageStore,
  c: Corpus,
  keyOf: (c: Corpus, pathname: string, family: string) => string,
  taken: () => void,
): KeptPages {
  const keyOfPath = (pathname: string, type: string) => {
    const family = type === 'page' ? familyOfPage(c, pathname) : undefined;
    return family === undefined ? undefined : keyOf(c, pathname, family);
  };
  return {
    has: (pathname, type) => {
      const key = keyOfPath(pathname, type);
      return key !== undefined && store.holds(key);
    },
    take: (pathname, type) => {
      const key = keyOfPath(pathname, type);
      const digest = key === undefined ? undefined : store.keptDigest(key);
      const file = outputFileOf(pathname, type);
      // The next build renders it instead of trusting the store's file again.
      const refuse = () => {
        if (key !== undefined) store.forget(key);
        return new KeptPageChanged(pathname);
      };
      if (key === undefined || digest === undefined || file === null) throw refuse();
      store.reuse(key, file);
      taken();
      return {
        digest,
        publish: (path) => store.publish(key, path),
        read: (path) => {
          const page = store.readPublished(key, path);
          if (!page) throw refuse();
          return page;
        },
      };
    },
  };
}

/**
 * `outDir`: the folder the build publishes to, where kept pages are linked from once it is published. `identical`
 * names the page a path is published as at two URLs (site-data's identicalPageKey).
 */
export function pageCache({
  outDir,
  identical = () => undefined,
  checkScopes = process.env.CG_CHECK_PAGE_SCOPES === '1',
}: {
  outDir: string;
  identical?: (pathname: string, c: Corpus) => string | undefined;
  checkScopes?: boolean;
}) {
  let store: PageStore | undefined;
  let code = '';

  /** The key of the page at `pathname`, a page of `family`. */
  const keyOf = (c: Corpus, pathname: string, family: string) =>
    pageKey(sharedDigest(c, code), identical(pathname, c) ?? pathname, scopeOf(c, family));

  /** Renders a page of one profile in its scope, or reuses it; any other page as before. */
  const wrap =
    (render: Render): Render =>
    async (request, options) => {
      const pathname = new URL(request.url).pathname;
      const c = getCorpus();
      const family = familyOfPage(c, pathname);
      const file = outputFileOf(pathname, options.routeData.type);
      if (family === undefined || file === null || options.routeData.type !== 'page') return render(request, options);
      const scope = scopeOf(c, family);
      const key = store && keyOf(c, pathname, family);
      const kept = key ? store!.lookup(key) : undefined;
      if (key && kept) {
        store!.reuse(key, file);
        return new PageResponse(kept, { status: 200, headers: new Headers(HTML) });
      }
      // The body is read inside the scope: a page's text may be produced as it is read.
      const result = await renderInScope(scope, async () => {
        const r = await render(request, options);
        return withResponse(r, await pageResponse(responseOf(r)));
      });
      const page = responseOf(result) as PageResponse;
      if (checkScopes && page.status === 200) {
        const whole = await renderUnscoped(async () => pageResponse(responseOf(await render(request, options))));
        const [a, b] = [page.rendered, whole.rendered];
        if (!Buffer.from(a).equals(Buffer.from(b))) {
          const at = firstDifference(a, b);
          const around = (x: Uint8Array) => Buffer.from(x.subarray(Math.max(0, at - 60), at + 60)).toString('utf8');
          throw new PageReadsBeyondScope(pathname, family, at, around(a), around(b));
        }
      }
      if (key && page.status === 200) store!.record(key, file, page.rendered);
      return result;
    };

  /**
   * The order pages render in (src/prerender-tap/kept-pages.ts renderOrder), the same in every build: RENDER_RANK.
   *
   * Why: a build waits for the search index, which is fed in render order and can be written only once it has every
   * searchable page. In Astro's order, pages every build renders (sources, lists, the law: slow to render) and
   * histories and comparisons (not searchable) came before the first profile page, and Pagefind had nothing to index
   * for the first second and a half of a nine-second rebuild at 1,000 profiles. Now kept profile pages reach it as
   * rendering starts, and it is written while histories and comparisons render (src/integrations/search-index.ts).
   */
  const rank: RenderRank = (pathname, type) => {
    const page = type === 'page' ? pageOfProfile(getCorpus(), pathname) : undefined;
    if (page === undefined) return RENDER_RANK.other;
    return page.shows === 'profile' ? RENDER_RANK.profile : RENDER_RANK.historyOrComparison;
  };

  /** The pages this build takes from the store instead of rendering them; none without a store. */
  let published = 0;
  const kept = (): KeptPages | undefined => store && keptPages(store, getCorpus(), keyOf, () => published++);

  const integration: AstroIntegration = {
    name: 'cg:page-cache',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build' || checkScopes) return;
        code = codeFingerprint(fileURLToPath(config.root));
        store = new PageStore(fileURLToPath(new URL('cg-pages/', config.cacheDir)));
      },
      // After the output is published: pages are kept as links to the published files.
      'astro:build:done': async ({ logger }) => {
        if (!store) return;
        await store.save(resolve(outDir));
        const { reused, total } = store.counts();
        logger.info(
          `pages of one profile: ${reused} of ${total} reused from earlier builds without rendering (${published} pages published from the store), ${total - reused} rendered`,
        );
      },
    },
  };
  return { integration, wrap, kept, rank };
}
