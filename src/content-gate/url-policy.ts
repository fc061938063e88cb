/**
 * Which URLs content may hold. Judged on the URL as the parser decoded it (entities resolved), after removing what
 * a browser removes before it reads a scheme (tabs and line breaks anywhere, C0 controls and spaces at the ends).
 */
const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);

/** The URL as a browser's URL parser would begin to read it. */
function browserView(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** The scheme of a URL, lower-cased, or null for a relative URL. */
export function urlScheme(url: string): string | null {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(browserView(url));
  return m ? m[1].toLowerCase() : null;
}

/** Why a link or definition URL is refused, or null when it is allowed: http(s), mailto, relative and `#`. */
export function linkUrlProblem(url: string): string | null {
  const scheme = urlScheme(url);
  if (scheme === null || LINK_SCHEMES.has(scheme)) return null;
  return `links may use http:, https:, mailto:, a relative path or #, not ${scheme}:`;
}

/** Why an image URL is refused, or null: images are files under public/, by site-root path, never another origin. */
export function imageUrlProblem(url: string): string | null {
  const view = browserView(url);
  const scheme = urlScheme(view);
  if (scheme !== null) return `images must be files of this site, not a ${scheme}: URL`;
  if (/^[/\\]{2}/.test(view)) return 'images must be files of this site, not another host (a URL starting with //)';
  if (view === '') return 'an image needs a file';
  // A relative image path is imported into the build as a module by Astro; only site-root paths are plain files.
  if (!view.startsWith('/'))
    return 'images must be given by their path from the site root (/images/…), not a relative path';
  return null;
}
