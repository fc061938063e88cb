/**
 * Finds anything in a built site that makes the browser contact another origin on its own: scripts, styles,
 * images, frames, fonts, preloads, form actions, refreshes, CSS `url()`/`@import`. Readers of protection guidance
 * must not be tracked by third parties, and the site must work offline.
 *
 * Plain links (`<a href>`) and non-fetching `<link rel>`s such as canonical are only followed when a reader chooses
 * to, so they may point anywhere.
 *
 * Usage: `node scripts/check-origins.ts [dist]`; exits 1 when something loads from another origin.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cssUrls, listFiles, readBuiltPages, type Reference } from './lib/built-pages.ts';

export interface OriginProblem {
  /** Page URL, or the CSS file's path. */
  where: string;
  /** The element and attribute, e.g. `<script src>`. */
  what: string;
  url: string;
}

const LOCAL = 'http://built-site.invalid';

/** `<link rel>` values that never make the browser fetch anything by themselves. */
const NON_FETCHING_RELS = new Set(['canonical', 'alternate', 'author', 'bookmark', 'external', 'help', 'license', 'me', 'next', 'prev', 'nofollow', 'noopener', 'noreferrer', 'tag']);

/** Whether the browser follows this reference without the reader doing anything. */
function loadsByItself(ref: Reference): boolean {
  if (ref.tag === 'a' || ref.tag === 'area') return false;
  if (ref.tag === 'link' && ref.attr === 'href') return ref.rel.length === 0 || ref.rel.some((r) => !NON_FETCHING_RELS.has(r));
  return true;
}

/** A URL that resolves, from `base`, to an origin other than the site's own. */
function isOtherOrigin(value: string, base: string): boolean {
  try {
    const url = new URL(value, new URL(base, LOCAL));
    return url.origin !== LOCAL && /^(https?|wss?|ftp):$/.test(url.protocol);
  } catch {
    return false;
  }
}

/** Every automatic load from another origin in the build's HTML pages and CSS files. */
export function findThirdPartyLoads(distDir: string): OriginProblem[] {
  const problems: OriginProblem[] = [];
  for (const page of readBuiltPages(distDir)) {
    for (const ref of page.refs) {
      if (loadsByItself(ref) && isOtherOrigin(ref.value, page.url)) problems.push({ where: page.url, what: `<${ref.tag} ${ref.attr}>`, url: ref.value });
    }
  }
  for (const file of listFiles(distDir, '.css')) {
    for (const url of cssUrls(readFileSync(join(distDir, file), 'utf8'))) {
      if (isOtherOrigin(url, `/${file}`)) problems.push({ where: `/${file}`, what: 'CSS url()', url });
    }
  }
  return problems;
}

/** One line per problem. */
export function formatOriginProblems(problems: OriginProblem[]): string {
  return problems.map((p) => `${p.where}: ${p.what} loads ${p.url}`).join('\n');
}

if (import.meta.main) {
  const dir = resolve(process.argv[2] ?? 'dist');
  const problems = findThirdPartyLoads(dir);
  console.log(problems.length ? formatOriginProblems(problems) : `nothing in ${dir} loads from another origin`);
  if (problems.length) process.exitCode = 1;
}
