/**
 * The record of every URL the site has published, and the redirects that keep moved ones working. Published URLs
 * are cited in decisions and submissions: once in the record, a URL must still be served by every later build,
 * either as the page itself or as a redirect to its new place.
 *
 * The record is a text file in the content folder, one URL per line, sorted; a redirect is `/old/ -> /new/`.
 * Blank lines and lines starting with `#` are comments.
 */

export interface UrlRecord {
  /** Every published URL, redirects' old URLs included. */
  published: Set<string>;
  /** Old URL → new URL. */
  redirects: Map<string, string>;
  /** Lines that are neither a URL nor a redirect, with their 1-based line numbers. */
  errors: { line: number; message: string }[];
}

const URL_PATH = /^\/[^\s]*$/;

/** Reads the record. Pure. */
export function parseUrlRecord(text: string): UrlRecord {
  const record: UrlRecord = { published: new Set(), redirects: new Map(), errors: [] };
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [from, to, ...rest] = line.split(/\s*->\s*/);
    if (rest.length || !URL_PATH.test(from) || (to !== undefined && !URL_PATH.test(to))) {
      record.errors.push({
        line: i + 1,
        message: `"${line}" is neither a site path (/…) nor a redirect (/old/ -> /new/)`,
      });
      return;
    }
    record.published.add(from);
    if (to !== undefined) record.redirects.set(from, to);
  });
  return record;
}

/** The record written back: URLs sorted, each redirect on its old URL's line. */
export function formatUrlRecord(published: Iterable<string>, redirects: Map<string, string>): string {
  const header = [
    '# Every URL this site has published. A later build fails if one of them is no longer served.',
    '# To move a page, keep its old URL here as a redirect: /old/ -> /new/',
    '# Record new URLs with `npm run urls:record` after `npm run build`.',
  ];
  const lines = [...new Set(published)]
    .sort()
    .map((url) => (redirects.has(url) ? `${url} -> ${redirects.get(url)}` : url));
  return `${[...header, ...lines].join('\n')}\n`;
}

/** Files that are not publications: hashed build assets and the search index, which change with every build. */
export function isPublication(relativePath: string): boolean {
  return !/^(?:_astro|pagefind)\//.test(relativePath.split('\\').join('/'));
}

/** What the record promises and the build no longer serves, and what the build serves that is not recorded yet. */
export function compareWithBuild(record: UrlRecord, served: Set<string>): { missing: string[]; unrecorded: string[] } {
  const missing = [...record.published].filter((url) => !served.has(url)).sort();
  const unrecorded = [...served].filter((url) => !record.published.has(url)).sort();
  return { missing, unrecorded };
}
