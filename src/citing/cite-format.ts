/** Short, readable pinpoints for inline citations ("SNHR, Oct 2023, sec. VI, p. 8"). */
import { formatShortDate } from '../shared/dates.ts';
import { sourceUrl } from '../shared/urls.ts';
import { absoluteUrl } from '../site/site-url.ts';

interface CitableSource {
  shortTitle: string;
  issued: string;
}

/** The inline form of one cited item: short title, short date unless the title already has the year, pinpoint. */
export function shortCitation(source: CitableSource, locator: string): string {
  const year = source.issued.slice(0, 4);
  const parts = [source.shortTitle];
  if (!source.shortTitle.includes(year)) parts.push(formatShortDate(source.issued));
  if (locator) parts.push(locator);
  return parts.join(', ');
}

/** One cited item as its inline citation shows it: a link to the source's page, with its pinpoint as the text. */
export interface CitationLink {
  href: string;
  /** The source's full title, shown on hover. */
  title: string;
  /** The absolute URL, printed after the link on paper. */
  printHref: string;
  label: string;
}

/** The links of one citation cluster; `sourceOf` returns undefined for a key that names no valid source. */
export function citationLinks(
  cited: readonly { key: string; locator: string }[],
  sourceOf: (key: string) => (CitableSource & { title: string }) | undefined,
): CitationLink[] {
  return cited.map(({ key, locator }) => {
    const source = sourceOf(key);
    // The content checks stop the build on unknown sources, so this only guards against a checker bug.
    if (!source) throw new Error(`Citation to unknown source "${key}" reached the compiler`);
    const href = sourceUrl(key);
    return { href, title: source.title, printHref: absoluteUrl(href), label: shortCitation(source, locator) };
  });
}
