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
  /** The organisation responsible for the site, when one is configured (CG_PUBLISHER); OSCOLA's author. */
  author?: string;
}

export type CitationStyle = 'plain' | 'oscola';

/** The forms a "Cite" disclosure shows, in order: each one's name and its copy button's wording. */
export const CITATION_FORMS: Record<CitationStyle, { name: string; button: string }> = {
  plain: { name: 'Citation', button: 'Copy citation' },
  oscola: { name: 'OSCOLA', button: 'Copy OSCOLA citation' },
};

/** A copy button's accessible name: its wording and what is cited ("conclusion: Level of risk"). */
export const copyButtonName = (style: CitationStyle, what: string) => `${CITATION_FORMS[style].button} of ${what}`;

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
 * Typographic quotes for OSCOLA, which uses curly single quotes for titles: an apostrophe (after a letter or digit)
 * becomes ’, any other single quote ‘; a straight double quote inside a title becomes “ or ” the same way.
 */
export function curlyQuotes(text: string): string {
  return text
    .replace(/(?<=[\p{L}\p{N}.!?])'/gu, '’')
    .replace(/'/g, '‘')
    .replace(/(?<=[\p{L}\p{N}.!?])"/gu, '”')
    .replace(/"/g, '“');
}

/**
 * An edition's label for use inside OSCOLA's one pair of brackets: "June 2025 (interim)" becomes "June 2025
 * interim", since OSCOLA allows no bracket inside a bracket.
 */
const editionInBrackets = (label: string) => label.replace(/\s*\(([^()]*)\)/g, ' $1').trim();

/**
 * OSCOLA's form for a web page (OSCOLA 4th ed., 3.3.4), with a pinpoint (1.1.3): author, ‘title’ (website,
 * edition, date) pinpoint <URL> accessed date. The author is the responsible organisation when the site is
 * configured with one, otherwise there is none (the website is named in the brackets, not as the author). One
 * bracket level, no comma before the pinpoint, curly quotes throughout, and no full stop inside the citation.
 */
export function oscolaCitation(t: CitationTarget, accessedOn?: string): string {
  const author = t.author ? `${curlyQuotes(t.author)}, ` : '';
  const title = `‘${curlyQuotes(`${t.country}: ${t.profile}`)}’`;
  const where = `(${PRODUCT}, ${editionInBrackets(t.edition.label)} edition, ${formatDate(t.edition.published)})`;
  const item = t.item ? ` ${t.item.kind} ‘${curlyQuotes(t.item.title)}’` : '';
  return `${author}${title} ${where}${item} <${t.url}> ${accessed(accessedOn)}.`;
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
