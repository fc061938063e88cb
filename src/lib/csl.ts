/**
 * Full references and CSL-JSON, at build time with citation-js; nothing of it ships to the browser.
 *
 * Only citation-js's plain-text output is used: its HTML output passes markup in titles through unescaped, and
 * text from content must never reach a page as markup. Pages escape the text as they render it.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { Corpus } from './corpus.ts';
import type { Edition, Source } from '../schemas/content.ts';
import { formatDate, monthSlug, parsePartialDate } from './dates.ts';

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
 * Titles that name their edition. Guidance is republished under the same title ("Country Guidance: Syria") every
 * year or two; in a reference manager the editions would be indistinguishable. A source that an edition is based
 * on, or that shares its title with another source, gets its edition month: "Country Guidance: Syria, April 2024
 * edition". A title that already names its month or year is left as it is.
 */
export function editionTitles(sources: Map<string, Source>, editions: Edition[]): Map<string, string> {
  const monthOf = new Map<string, string>();
  for (const e of editions) if (e.basedOn) monthOf.set(e.basedOn, formatDate(monthSlug(e.published)));
  const byTitle = new Map<string, string[]>();
  for (const [id, s] of sources) byTitle.set(s.title.toLowerCase(), [...(byTitle.get(s.title.toLowerCase()) ?? []), id]);
  const titles = new Map<string, string>();
  for (const [id, s] of sources) {
    const shared = byTitle.get(s.title.toLowerCase())!.length > 1;
    const month = monthOf.get(id) ?? (shared ? formatDate(s.issued.slice(0, 7)) : undefined);
    if (!month || s.title.includes(month) || s.title.includes(String(parsePartialDate(s.issued).year))) continue;
    titles.set(id, `${s.title}, ${month} edition`);
  }
  return titles;
}

/** A registered source as a CSL-JSON item, ready for Zotero or any citation processor. */
export function toCsl(id: string, s: Source, title: string = s.title): CslItem {
  return {
    id,
    type: s.type,
    title,
    'title-short': s.shortTitle,
    author: s.author,
    ...(s.publisher && { publisher: s.publisher }),
    ...(s.authority && { authority: s.authority }),
    ...(s.number && { number: s.number }),
    issued: dateParts(s.issued),
    ...(s.URL && { URL: s.URL }),
    ...(s.accessed && { accessed: dateParts(s.accessed) }),
    language: s.language,
  };
}

const registers = new WeakMap<Corpus, Map<string, CslItem>>();

/** Every valid source of the corpus as CSL-JSON, by id, in id order; built once per corpus. */
export function cslRegister(c: Corpus): Map<string, CslItem> {
  const cached = registers.get(c);
  if (cached) return cached;
  const sources = new Map([...c.sources].flatMap(([id, e]) => (e.data ? [[id, e.data] as const] : [])).sort(([a], [b]) => a.localeCompare(b)));
  const editions = [...c.editions.values()].flatMap((e) => (e.data ? [e.data] : []));
  const titles = editionTitles(sources, editions);
  const register = new Map([...sources].map(([id, s]) => [id, toCsl(id, s, titles.get(id))]));
  registers.set(c, register);
  return register;
}

/** One source's CSL-JSON item. */
export function cslOf(c: Corpus, id: string): CslItem {
  const item = cslRegister(c).get(id);
  if (!item) throw new Error(`No valid source "${id}" in the register`);
  return item;
}

const referenceCache = new Map<string, string>();

/** The full reference as plain text (APA layout; CSL handles the variety of source types). */
export function fullReference(item: CslItem): string {
  const key = JSON.stringify(item);
  const cached = referenceCache.get(key);
  if (cached) return cached;
  const text = new Cite([item]).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }).trim();
  referenceCache.set(key, text);
  return text;
}
