/**
 * Checks every internal link of a built site: each URL a page references must be a file in the build, and each
 * `#fragment` must name an element id on the target page (same-page fragments included).
 *
 * Why not linkinator: it caches pages it has already fetched, so fragments pointing into a page it has seen (every
 * "Rests on: #finding-…" link on the page itself) go unchecked.
 *
 * Usage: `node scripts/check-links.ts [dist]`; exits 1 when a link is broken.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readBuiltPages, type BuiltPage } from './lib/built-pages.ts';
import { siteUrl } from '../src/site/site-url.ts';

export interface LinkProblem {
  /** URL of the page holding the link. */
  page: string;
  /** The link exactly as written. */
  href: string;
  problem: string;
}

/** Stands in for the origin the build is served from; any URL that resolves elsewhere is external. */
const LOCAL = 'http://built-site.invalid';

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/**
 * Every broken internal reference in the build folder. `siteOrigin` (the configured `site`) counts as internal, so
 * canonical links are checked too.
 */
export function checkLinks(distDir: string, { siteOrigin }: { siteOrigin?: string } = {}): LinkProblem[] {
  const pages = readBuiltPages(distDir);
  const byFile = new Map<string, BuiltPage>(pages.map((p) => [p.file, p]));
  const problems: LinkProblem[] = [];
  for (const page of pages) {
    for (const { value: href } of page.refs) {
      if (href === '' || href === '#') continue;
      let target: URL;
      try {
        target = new URL(href, new URL(page.url, LOCAL));
      } catch {
        problems.push({ page: page.url, href, problem: 'is not a valid URL' });
        continue;
      }
      if (siteOrigin && target.origin === new URL(siteOrigin).origin)
        target = new URL(target.pathname + target.hash, LOCAL);
      if (target.origin !== LOCAL) continue;
      const path = decodeURIComponent(target.pathname);
      const file = (path.endsWith('/') ? `${path}index.html` : path).slice(1);
      if (!isFile(join(distDir, file))) {
        const hint = isFile(join(distDir, path, 'index.html'))
          ? `; the page is at ${path}/ (URLs end with a slash)`
          : '';
        problems.push({ page: page.url, href, problem: `goes to ${path}, which the build does not have${hint}` });
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      const targetPage = byFile.get(file);
      if (fragment && targetPage && !targetPage.ids.has(fragment)) {
        problems.push({
          page: page.url,
          href,
          problem: `has no target: no element with id "${fragment}" on ${targetPage.url}`,
        });
      }
    }
  }
  return problems;
}

/** One line per problem, naming the page and the link. */
export function formatLinkProblems(problems: LinkProblem[]): string {
  return problems.map((p) => `${p.page}: link "${p.href}" ${p.problem}`).join('\n');
}

if (import.meta.main) {
  const dir = resolve(process.argv[2] ?? 'dist');
  const problems = checkLinks(dir, { siteOrigin: new URL(siteUrl()).origin });
  console.log(problems.length ? formatLinkProblems(problems) : `every internal link in ${dir} resolves`);
  if (problems.length) process.exitCode = 1;
}
