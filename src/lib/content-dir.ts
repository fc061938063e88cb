/** Where content lives. Tests and the benchmark point the build at fixture content with CG_CONTENT_DIR. */
import { resolve } from 'node:path';

/** The content folder, absolute. */
export function contentDir(): string {
  return resolve(process.env.CG_CONTENT_DIR ?? 'content');
}
