/** What Astro's prerenderer returns for one page: a Response, or a Response with metadata for its build cache. */
import type { AstroPrerenderer } from 'astro';

export type Render = AstroPrerenderer['render'];
export type RenderResult = Awaited<ReturnType<Render>>;

export const responseOf = (result: RenderResult): Response => (result instanceof Response ? result : result.response);

/** `result` with its response replaced, metadata kept. */
export const withResponse = (result: RenderResult, response: Response): RenderResult =>
  result instanceof Response ? response : { ...result, response };

/**
 * A rendered page that keeps its bytes. Each tap on the prerenderer (pages rendered once for two URLs, the feed of
 * rendered pages) needs the bytes; reading a body stream and building a new Response for the next reader cost
 * about 7 s of 120 s of rendering at 10,000 profiles. Reading a `PageResponse` costs nothing, and `arrayBuffer()`,
 * which Astro calls to write the file, answers from the same bytes. Nothing may change or transfer them.
 */
export class PageResponse extends Response {
  readonly rendered: Uint8Array<ArrayBuffer>;

  constructor(bytes: Uint8Array<ArrayBuffer>, init: { status: number; headers: Headers }) {
    super(bytes, init);
    this.rendered = bytes;
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    const { buffer, byteOffset, byteLength } = this.rendered;
    const whole = byteOffset === 0 && byteLength === buffer.byteLength;
    return Promise.resolve(whole ? buffer : buffer.slice(byteOffset, byteOffset + byteLength));
  }
}

/** A rendered page as a `PageResponse`: the same response if it is one already, read once otherwise. */
export async function pageResponse(response: Response): Promise<PageResponse> {
  if (response instanceof PageResponse) return response;
  const bytes = new Uint8Array(await response.arrayBuffer());
  return new PageResponse(bytes, { status: response.status, headers: response.headers });
}
