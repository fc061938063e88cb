/**
 * How readers cite the guidance: a whole profile as it stood in one edition, one of its conclusions, or one
 * finding. Pure and shared by the pages (at build time) and the copy button (in the browser), so the text a reader
 * selects and the text the button copies are the same words.
 */
import { formatDate } from './dates.ts';

/** The name of the publication, as the citation opens. */
export const PRODUCT = 'Country Guidance';

/** Stands for the day the reader accesses the page, until the browser fills it in (or for good, without JS). */
export const ACCESSED_PLACEHOLDER = '[date]';

export interface CitationTarget {
  country: string;
  /** The profile's title. */
  profile: string;
  edition: {
    /** "April 2024" */
    label: string;
    /** The edition's publication date, YYYY-MM-DD. */
    published: string;
  };
  /** A conclusion or finding of the profile; omitted when citing the page itself. */
  item?: { kind: 'conclusion' | 'finding'; title: string };
  /** Absolute permalink (the edition's URL, with the item's #anchor). */
  url: string;
}

export type CitationStyle = 'plain' | 'oscola';

const accessed = (day?: string) => `accessed ${day ? formatDate(day) : ACCESSED_PLACEHOLDER}`;
const edition = (t: CitationTarget) => `${t.edition.label} edition, ${formatDate(t.edition.published)}`;

/**
 * Plain form: Country Guidance, Syria: Deserters. Conclusion: Level of risk. April 2024 edition, 15 April 2024.
 * https://… (accessed 1 December 2026).
 */
export function plainCitation(t: CitationTarget, accessedOn?: string): string {
  const item = t.item ? ` ${t.item.kind === 'conclusion' ? 'Conclusion' : 'Finding'}: ${t.item.title}.` : '';
  return `${PRODUCT}, ${t.country}: ${t.profile}.${item} ${edition(t)}. ${t.url} (${accessed(accessedOn)}).`;
}

/**
 * OSCOLA-style, as for a web publication with a pinpoint (OSCOLA 4th ed., 3.3.4 and 1.1.3): author, ‘title’
 * (edition, date) pinpoint <URL> accessed date. OSCOLA puts no full stop inside the citation.
 */
export function oscolaCitation(t: CitationTarget, accessedOn?: string): string {
  const item = t.item ? `, ${t.item.kind} ‘${t.item.title}’` : '';
  return `${PRODUCT}, ‘${t.country}: ${t.profile}’ (${edition(t)})${item} <${t.url}> ${accessed(accessedOn)}.`;
}

export function citation(style: CitationStyle, t: CitationTarget, accessedOn?: string): string {
  return style === 'oscola' ? oscolaCitation(t, accessedOn) : plainCitation(t, accessedOn);
}

/** Puts the reader's day into a citation rendered with the placeholder. */
export function fillAccessed(text: string, day: string): string {
  return text.replace(`accessed ${ACCESSED_PLACEHOLDER}`, accessed(day));
}

/** Today in the reader's own time zone, as YYYY-MM-DD. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
