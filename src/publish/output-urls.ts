/** URLs in published output, read as a browser reads them: their scheme, the origin they load from, CSS and srcset. */

/** The base a built page's relative URLs resolve against: an origin no real URL has. */
export const HERE = 'https://built-site.invalid';

/** The URL as the URL parser starts reading it: tabs and newlines dropped anywhere, C0 controls and spaces in front. */
function asBrowserReads(value: string): string {
  // eslint-disable-next-line no-control-regex -- C0 controls are exactly what the URL parser strips
  return value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
}

/** A URL's scheme as the browser parses it (lower case, with the colon), or null for a relative URL. */
export function schemeOf(value: string): string | null {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(asBrowserReads(value));
  return m ? `${m[1].toLowerCase()}:` : null;
}

/** The origin a URL loads from, resolved against the page, or null when it is this site (or not loadable). */
export function foreignOrigin(value: string, pageUrl: string): string | null {
  // A URL without a scheme that does not start with two slashes (or backslashes, which browsers read as slashes)
  // resolves on the page's own origin, whatever its path: decided without parsing, as most of a page's links are.
  const cleaned = asBrowserReads(value);
  if (!/^[/\\]{2}/.test(cleaned) && !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(cleaned)) return null;
  try {
    const url = new URL(value, new URL(pageUrl, HERE));
    if (url.origin === HERE) return null;
    return /^(https?|wss?|ftp):$/.test(url.protocol) ? url.origin : null;
  } catch {
    return null;
  }
}

/** URLs inside CSS: `url(…)` and `@import "…"`, with their offsets in the CSS text. */
export function cssUrls(css: string): { url: string; offset: number }[] {
  const found: { url: string; offset: number }[] = [];
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) found.push({ url: m[2].trim(), offset: m.index });
  for (const m of css.matchAll(/@import\s+(['"])([^'"]+)\1/gi)) found.push({ url: m[2].trim(), offset: m.index });
  return found;
}

/** The candidate URLs of a srcset. */
export const srcsetUrls = (value: string): string[] =>
  value
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0])
    .filter(Boolean);
