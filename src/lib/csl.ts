/**
 * Full references and exports, formatted at build time with citation-js; nothing of it ships to the browser.
 *
 * Only citation-js's plain-text output is used: its HTML output passes markup in titles through unescaped, and
 * text from content must never reach a page as markup. Pages escape the text as they render it.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import type { Source } from '../schemas/content.ts';
import { parsePartialDate } from './dates.ts';

const bibtexConfig = plugins.config.get('@bibtex');
// Keep our ids as BibTeX keys: citation-js otherwise invents keys and strips hyphens.
bibtexConfig.format.useIdAsLabel = true;
bibtexConfig.format.checkLabel = false;

function dateParts(iso: string): { 'date-parts': number[][] } {
  const { year, month, day } = parsePartialDate(iso);
  return { 'date-parts': [[year, ...(month ? [month] : []), ...(day ? [day] : [])]] };
}

/** A registered source as a CSL-JSON item, ready for Zotero or any citation processor. */
export function toCsl(id: string, s: Source): Record<string, unknown> {
  return {
    id,
    type: s.type,
    title: s.title,
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

const referenceCache = new Map<string, string>();

/** The full reference as plain text (APA layout; CSL handles the variety of source types). */
export function fullReference(id: string, s: Source): string {
  const cached = referenceCache.get(id);
  if (cached) return cached;
  const text = new Cite([toCsl(id, s)]).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }).trim();
  referenceCache.set(id, text);
  return text;
}

/** BibTeX for one or more sources. */
export function toBibtex(items: [string, Source][]): string {
  return new Cite(items.map(([id, s]) => toCsl(id, s))).format('bibtex') as string;
}
