/**
 * Pages the site publishes twice, byte for byte, are rendered once: a current profile is at its current URL
 * (/syria/deserters/) and at its edition URL (/syria/2025-12/deserters/), from the same component with the same
 * props. The second request of such a pair gets the first one's response. Once per build the first pair is also
 * rendered twice and compared, so a page that comes to depend on its URL fails the build instead of publishing
 * the other URL's page.
 */
import {
  pageResponse,
  PageResponse,
  responseOf,
  withResponse,
  type Render,
  type RenderResult as Result,
} from './prerender-result.ts';

type Kept = { body: Uint8Array<ArrayBuffer>; status: number; headers: Headers } | null;

/** Names the content of a page that is published at more than one URL; undefined for every other page. */
export type IdenticalKey = (pathname: string) => string | undefined;

export class IdenticalPagesDiffer extends Error {
  constructor(first: string, second: string) {
    super(
      `${first} and ${second} are published as one page rendered once, but rendered separately they differ.\n` +
        'hint: a page rendered for both URLs must not depend on its own URL; see identicalPageKey in src/site/site-data.ts',
    );
    this.name = 'IdenticalPagesDiffer';
  }
}

const bytesOf = async (result: Result) => (await pageResponse(responseOf(result))).rendered;

/** `render`, rendering each page that `keyOf` names only for the first of its URLs. */
export function renderIdenticalOnce(render: Render, keyOf: IdenticalKey): Render {
  const first = new Map<string, { pathname: string; kept: Promise<Kept> }>();
  let compared = false;

  async function renderFirst(key: string, pathname: string, ...args: Parameters<Render>): Promise<Result> {
    let keep!: (kept: Kept) => void;
    first.set(key, { pathname, kept: new Promise<Kept>((resolve) => (keep = resolve)) });
    try {
      const result = await render(...args);
      const response = responseOf(result);
      // Only a complete page is shared; a redirect or an error page is left for each URL to render.
      if (response.status !== 200 || !response.body) return (keep(null), result);
      const page = await pageResponse(response);
      keep({ body: page.rendered, status: page.status, headers: page.headers });
      return withResponse(result, page);
    } catch (error) {
      keep(null);
      throw error;
    }
  }

  return async (request, options) => {
    const pathname = new URL(request.url).pathname;
    // With Astro's incremental cache on, each page must report what it read: every page renders itself.
    const key = options.collectMetadata ? undefined : keyOf(pathname);
    if (key === undefined) return render(request, options);
    const earlier = first.get(key);
    if (!earlier) return renderFirst(key, pathname, request, options);
    first.delete(key);
    const kept = await earlier.kept;
    if (!kept) return render(request, options);
    if (!compared) {
      compared = true;
      const own = await bytesOf(await render(request, options));
      if (!Buffer.from(own).equals(Buffer.from(kept.body))) throw new IdenticalPagesDiffer(earlier.pathname, pathname);
    }
    // Both URLs' responses hold the same bytes, which no reader changes (see PageResponse).
    return new PageResponse(kept.body, { status: kept.status, headers: kept.headers });
  };
}
