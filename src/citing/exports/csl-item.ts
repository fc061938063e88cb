/**
 * A registered source as a CSL-JSON item: the one place where the register's fields become reference fields. The
 * biblatex and RIS writers read these items only, so each format says the same thing about a source.
 */
import type { Edition, Source } from '../../schemas/content.ts';
import { formatDate, monthSlug, parsePartialDate } from '../../shared/dates.ts';
import { legalIdentifiers } from './identifiers.ts';

export interface CslItem {
  id: string;
  type: string;
  title: string;
  [field: string]: unknown;
}

function dateParts(iso: string): { 'date-parts': number[][] } {
  const { year, month, day } = parsePartialDate(iso);
  return { 'date-parts': [[year, ...(month ? [month] : []), ...(day ? [day] : [])]] };
}

/**
 * The edition of sources that share a title. Guidance is republished under the same title ("Country Guidance:
 * Syria") every year or two; in a reference manager the editions would be indistinguishable. A source that an
 * edition is based on, or that shares its title with another source, gets its edition month ("April 2024") as its
 * CSL `version`, never as part of its title. A title that already names its month or year needs none.
 */
export function editionVersions(sources: Map<string, Source>, editions: Edition[]): Map<string, string> {
  const monthOf = new Map<string, string>();
  for (const e of editions) if (e.basedOn) monthOf.set(e.basedOn, formatDate(monthSlug(e.published)));
  const byTitle = new Map<string, string[]>();
  for (const [id, s] of sources)
    byTitle.set(s.title.toLowerCase(), [...(byTitle.get(s.title.toLowerCase()) ?? []), id]);
  const versions = new Map<string, string>();
  for (const [id, s] of sources) {
    const shared = byTitle.get(s.title.toLowerCase())!.length > 1;
    const month = monthOf.get(id) ?? (shared ? formatDate(s.issued.slice(0, 7)) : undefined);
    if (!month || s.title.includes(month) || s.title.includes(String(parsePartialDate(s.issued).year))) continue;
    versions.set(id, month);
  }
  return versions;
}

/**
 * CSL types the register's types are written as. A `document` is an institution's paper (a position, guidelines,
 * a statement): CSL's `report` covers it, and styles print a report's date, while OSCOLA prints none for `document`.
 */
const CSL_TYPE: Partial<Record<Source['type'], string>> = { document: 'report' };

/** The institution an institutional author names ("where the author is the institution"). */
const institutionOf = (s: Source) => s.publisher ?? s.author.find((a) => 'literal' in a)?.literal;

/** A registered source as a CSL-JSON item, ready for Zotero or any citation processor. */
export function toCsl(id: string, s: Source, version?: string): CslItem {
  const type = CSL_TYPE[s.type] ?? s.type;
  const news = s.type === 'article-newspaper';
  // A news item's paper is its container; who wrote it (an agency, or the paper itself) stays its author.
  const publisher = news ? undefined : type === 'report' ? institutionOf(s) : s.publisher;
  const ids = legalIdentifiers(s.number, s.URL);
  return {
    id,
    type,
    title: s.title,
    'title-short': s.shortTitle,
    author: s.author,
    ...(news && { 'container-title': institutionOf(s) }),
    ...(publisher && { publisher }),
    ...(s.authority && { authority: s.authority }),
    ...(ids.number && { number: ids.number }),
    ...(version && { version }),
    issued: dateParts(s.issued),
    ...(s.URL && { URL: s.URL }),
    ...(s.accessed && { accessed: dateParts(s.accessed) }),
    language: s.language,
    // CSL has no variable for an ECLI; Zotero and citation-js read "ECLI: …" in the note as the item's own field.
    ...(ids.ecli && { note: `ECLI: ${ids.ecli}` }),
  };
}
