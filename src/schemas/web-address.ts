/**
 * The one grammar for a source's web address: an absolute http(s) URL written as a URL is printed (RFC 3986), with
 * nothing a reference format gives a meaning to. The schema refuses any other address with the character named;
 * the exporters read an address only through `exportUrl`, so a URL they write has passed the same rule.
 */
import { describeCharacter } from './id.ts';

/**
 * Characters that may not appear in an address as written: spaces and controls end it in RIS and in plain text,
 * braces end a biblatex field, quotes and angle brackets end it in HTML, JSON and OSCOLA's <URL>, a backslash is
 * a TeX command. Each has a percent-encoded form (%7B for "{"), which is what a publisher's link holds.
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  /[\u0000-\u0020\u007F-\u009F{}"'<>\\^`|\u00A0\u1680\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF]/u;

/** `text` parsed as an absolute http(s) URL, or why it is not one. */
function parseHttpUrl(text: string): URL | string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not an absolute URL (it must start with https:// or http://)';
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : `uses ${url.protocol}; only http(s) is allowed`;
}

/** Why `text` is not an address a source may carry, or undefined when it is one. */
export function explainBadUrl(text: string): string | undefined {
  const bad = FORBIDDEN.exec(text);
  if (bad) {
    const at = Array.from(text.slice(0, bad.index)).length + 1;
    return `has ${describeCharacter(bad[0])} at position ${at}; write it percent-encoded (for "{", %7B)`;
  }
  const url = parseHttpUrl(text);
  if (typeof url === 'string') return url;
  if (url.username || url.password) return 'carries a user name or password';
  return undefined;
}

/**
 * The address as an export writes it: parsed as an absolute http(s) URL and serialised by the URL parser, which
 * percent-encodes spaces, quotes and controls; anything left that a reference format reads as syntax (braces, a
 * backslash, a lone "%") is percent-encoded too. Throws on anything but an absolute http(s) URL, so an export never
 * holds one; the schema refuses more (see explainBadUrl), and this is the writers' own guarantee.
 */
export function exportUrl(text: string): string {
  const url = parseHttpUrl(text);
  if (typeof url === 'string') throw new Error(`URL "${text}" ${url}`);
  return url.href
    .replace(/%(?![0-9A-Fa-f]{2})/g, '%25')
    .replace(/[{}"'<>\\^`|\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
