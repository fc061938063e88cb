/** What Astro's prerenderer returns for one page: a Response, or a Response with metadata for its build cache. */
import type { AstroPrerenderer } from 'astro';

export type Render = AstroPrerenderer['render'];
export type RenderResult = Awaited<ReturnType<Render>>;

export const responseOf = (result: RenderResult): Response => (result instanceof Response ? result : result.response);

/** `result` with its response replaced, metadata kept. */
export const withResponse = (result: RenderResult, response: Response): RenderResult =>
  result instanceof Response ? response : { ...result, response };
