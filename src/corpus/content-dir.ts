/** Where content lives. Tests and the benchmark point the build at fixture content with CG_CONTENT_DIR. */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/** The content folder, absolute. */
export function contentDir(): string {
  return resolve(process.env.CG_CONTENT_DIR ?? 'content');
}

/**
 * Astro's cache folder for a content folder. Astro keeps entries of a previous content folder in its cache; builds
 * of fixture or benchmark content get a cache of their own so that they can never leak into the real site.
 */
export function astroCacheDir(content: string = contentDir()): string {
  if (content === resolve('content')) return './node_modules/.astro';
  return `./node_modules/.astro-${createHash('sha256').update(content).digest('hex').slice(0, 12)}`;
}
