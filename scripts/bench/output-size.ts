/**
 * How much HTML a build wrote. Rendering, writing, the publish scan and Pagefind each work in proportion to these
 * bytes, so the size of a profile page says how much of the cost is the page itself rather than the pipeline.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_KINDS } from './page-kinds.ts';

export interface OutputSize {
  htmlBytes: number;
  htmlFiles: number;
  /** Median size of a profile page in an edition (/c/yyyy-mm/p/), the page both builds make from the same MDX. */
  profileBytes: number;
}

const PROFILE = PAGE_KINDS[0][1];

export function outputSize(outDir: string): OutputSize {
  const html = (readdirSync(outDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ url: `/${f.split('\\').join('/')}`, bytes: statSync(join(outDir, f)).size }));
  const profiles = html
    .filter((f) => PROFILE.test(f.url))
    .map((f) => f.bytes)
    .sort((a, b) => a - b);
  return {
    htmlBytes: html.reduce((sum, f) => sum + f.bytes, 0),
    htmlFiles: html.length,
    profileBytes: profiles.length ? profiles[profiles.length >> 1] : 0,
  };
}

/** "82.0 MB of HTML in 2717 files; a profile page 30.1 kB (median)". */
export function describeSize(s: OutputSize): string {
  return `${(s.htmlBytes / 1e6).toFixed(1)} MB of HTML in ${s.htmlFiles} files; a profile page ${(s.profileBytes / 1e3).toFixed(1)} kB (median)`;
}
