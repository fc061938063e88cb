/**
 * Where a page's path leads: how its request spells it, and the file Astro writes it to. One grammar for the
 * rendered-pages tap, the pages a rebuild keeps and the page cache.
 */
import { removeTrailingForwardSlash } from '@astrojs/internal-helpers/path';

/**
 * Where Astro writes a page or endpoint, for this project's settings (build.format "directory", trailing slash
 * always): "/a/b/" → "a/b/index.html", "/404/" → "404.html", "/x.json" → "x.json". A wrong guess costs time,
 * never correctness: the file is then simply read again from disk.
 */
export function outputFileOf(pathname: string, routeType: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURI(pathname);
  } catch {
    return null; // not a path Astro could have written: the file is read from disk instead
  }
  const path = decoded.replace(/^\/+/, '');
  if (routeType === 'endpoint') return path;
  const bare = path.replace(/\/+$/, '');
  if (bare === '404' || bare === '500') return `${bare}.html`;
  return bare === '' ? 'index.html' : `${bare}/index.html`;
}

/** A path as a request's URL spells it (percent-encoded). */
export const encodedPath = (pathname: string) => new URL(pathname, 'http://site.invalid').pathname;

/**
 * A page's path as the site's URLs spell it, and as a page being rendered sees it in its request: percent-encoded,
 * with the trailing slash of every page ("/syria/deserters/", "/"). Astro lists a path with or without that
 * slash; endpoints keep theirs as they are ("/updates.xml").
 */
export function pagePath(pathname: string, routeType: string): string {
  if (routeType !== 'page') return encodedPath(pathname);
  const bare = removeTrailingForwardSlash(encodedPath(pathname));
  return bare === '' || bare === '/' ? '/' : `${bare}/`;
}
