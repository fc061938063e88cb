/**
 * A current profile is published at two URLs and rendered once: the second URL gets the first one's bytes, and
 * the first pair of each build is rendered twice and compared, so a page that comes to depend on its URL stops
 * the build instead of publishing the other URL's page.
 */
import type { AstroPrerenderer } from 'astro';
import { describe, expect, it } from 'vitest';
import { IdenticalPagesDiffer, renderIdenticalOnce } from '../../../src/prerender-tap/identical-renders.ts';

type Options = Parameters<AstroPrerenderer['render']>[1];
const OPTIONS = { routeData: { type: 'page' } } as unknown as Options;
const request = (path: string) => new Request(`http://localhost${path}`);
const text = async (result: Awaited<ReturnType<AstroPrerenderer['render']>>) =>
  (result instanceof Response ? result : result.response).text();

/** Pairs: /p/x/ and /2025-01/p/x/ name the same page; everything else renders on its own. */
const keyOf = (pathname: string) => /^\/(?:2025-01\/)?p\/([^/]+)\/$/.exec(pathname)?.[1];

/** A renderer that counts its renders; the page text comes from `page(pathname)`. */
function counting(page: (pathname: string) => string | Error, status = 200) {
  const rendered: string[] = [];
  const render: AstroPrerenderer['render'] = async (req) => {
    const { pathname } = new URL(req.url);
    rendered.push(pathname);
    await new Promise((r) => setTimeout(r, 5));
    const body = page(pathname);
    if (body instanceof Error) throw body;
    return new Response(body, { status });
  };
  return { render, rendered };
}

describe('pages published at two URLs', () => {
  it('are rendered once per pair (the first pair twice, to compare), and both URLs get the same bytes', async () => {
    const { render, rendered } = counting((p) => `<h1>${keyOf(p) ?? p}</h1>`);
    const once = renderIdenticalOnce(render, keyOf);
    const paths = ['/p/a/', '/2025-01/p/a/', '/p/b/', '/2025-01/p/b/', '/2025-01/p/c/', '/p/c/', '/sources/'];
    const pages = await Promise.all(paths.map(async (p) => text(await once(request(p), OPTIONS))));
    expect(pages).toEqual([
      '<h1>a</h1>',
      '<h1>a</h1>',
      '<h1>b</h1>',
      '<h1>b</h1>',
      '<h1>c</h1>',
      '<h1>c</h1>',
      '<h1>/sources/</h1>',
    ]);
    expect(rendered.sort()).toEqual(['/2025-01/p/a/', '/2025-01/p/c/', '/p/a/', '/p/b/', '/sources/'].sort());
  });

  it('stop the build when the two URLs render differently', async () => {
    const { render } = counting((p) => `<p>${p}</p>`);
    const once = renderIdenticalOnce(render, keyOf);
    await once(request('/p/a/'), OPTIONS);
    const second = once(request('/2025-01/p/a/'), OPTIONS);
    await expect(second).rejects.toThrow(IdenticalPagesDiffer);
    await expect(second).rejects.toThrow('/p/a/ and /2025-01/p/a/');
  });

  it('are each rendered for themselves when the first one failed or was not a page', async () => {
    const failing = counting((p) => (p === '/p/a/' ? new Error('render failed') : `<h1>${p}</h1>`));
    const once = renderIdenticalOnce(failing.render, keyOf);
    await expect(once(request('/p/a/'), OPTIONS)).rejects.toThrow('render failed');
    expect(await text(await once(request('/2025-01/p/a/'), OPTIONS))).toBe('<h1>/2025-01/p/a/</h1>');

    const missing = counting((p) => `<h1>${p}</h1>`, 404);
    const again = renderIdenticalOnce(missing.render, keyOf);
    await again(request('/p/b/'), OPTIONS);
    await again(request('/2025-01/p/b/'), OPTIONS);
    expect(missing.rendered).toEqual(['/p/b/', '/2025-01/p/b/']);
  });

  it('all render when Astro collects what each page read (its incremental build cache)', async () => {
    const { render, rendered } = counting(() => '<h1>same</h1>');
    const once = renderIdenticalOnce(render, keyOf);
    const collecting = { ...OPTIONS, collectMetadata: true } as Options;
    for (const p of ['/p/a/', '/2025-01/p/a/', '/p/b/', '/2025-01/p/b/']) await once(request(p), collecting);
    expect(rendered).toEqual(['/p/a/', '/2025-01/p/a/', '/p/b/', '/2025-01/p/b/']);
  });
});
