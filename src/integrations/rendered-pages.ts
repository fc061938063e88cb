/**
 * Hands every file Astro renders to listeners the moment it is rendered, so that work on the output (the publish
 * scan, the search index) runs on the machine's other cores while Astro renders the next page, instead of
 * re-reading the whole output after the last page. It wraps Astro's own prerenderer (the public
 * `setPrerenderer` of `astro:build:start`) and passes every response on unchanged.
 *
 * What listeners receive is what Astro was about to write, not proof of what it wrote: a listener that makes a
 * decision on it must compare with the files on disk at the end (`digestOf` both) and read again whatever differs
 * or was never handed over. Under `astro dev` nothing is rendered ahead, so listeners hear nothing.
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { createHash } from 'node:crypto';

export interface RenderedFile {
  /** Path in the output folder, "/"-separated, e.g. "syria/deserters/index.html". */
  file: string;
  bytes: Uint8Array;
}

export type RenderedFileListener = (rendered: RenderedFile) => void;

/** A file's fingerprint, the same for what was rendered and what is on disk. */
export function digestOf(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

/**
 * Where Astro writes a page or endpoint, for this project's settings (build.format "directory", trailing slash
 * always): "/a/b/" → "a/b/index.html", "/404/" → "404.html", "/x.json" → "x.json". A wrong guess costs time,
 * never correctness: the file is then simply read again from disk.
 */
export function outputFileOf(pathname: string, routeType: string): string {
  const path = decodeURI(pathname).replace(/^\/+/, '');
  if (routeType === 'endpoint') return path;
  const bare = path.replace(/\/+$/, '');
  if (bare === '404' || bare === '500') return `${bare}.html`;
  return bare === '' ? 'index.html' : `${bare}/index.html`;
}

/** The integration, and where other integrations subscribe to what it hands over. */
export function renderedPages(): { integration: AstroIntegration; listen: (listener: RenderedFileListener) => void } {
  const listeners: RenderedFileListener[] = [];
  const tap = (inner: AstroPrerenderer): AstroPrerenderer => ({
    ...inner,
    name: 'cg:rendered-pages',
    setup: inner.setup && (() => inner.setup!()),
    getStaticPaths: () => inner.getStaticPaths(),
    teardown: inner.teardown && (() => inner.teardown!()),
    collectStaticImages: inner.collectStaticImages && (() => inner.collectStaticImages!()),
    render: async (request, options) => {
      const result = await inner.render(request, options);
      const response = result instanceof Response ? result : result.response;
      // Redirects are written from Astro's own template, not from the body; they are read from disk at the end.
      if (response.status !== 200 || !response.body) return result;
      const bytes = new Uint8Array(await response.arrayBuffer());
      const rendered = { file: outputFileOf(new URL(request.url).pathname, options.routeData.type), bytes };
      for (const listener of listeners) listener(rendered);
      const copy = new Response(bytes, { status: response.status, headers: response.headers });
      return result instanceof Response ? copy : { ...result, response: copy };
    },
  });
  return {
    listen: (listener) => listeners.push(listener),
    integration: {
      name: 'cg:rendered-pages',
      hooks: {
        'astro:build:start': ({ setPrerenderer }) => {
          if (listeners.length > 0) setPrerenderer(tap);
        },
      },
    },
  };
}
