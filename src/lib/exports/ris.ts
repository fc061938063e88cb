/**
 * RIS (Zotero, EndNote, Mendeley) from CSL-JSON items, and a minimal reader for testing that the output parses back.
 * Written here because citation-js's RIS plugin (0.8.2) requires citation-js core 0.8, not the 0.9 this project
 * uses. Tags follow the RIS specification as Zotero reads it.
 */
import type { CslItem } from '../csl.ts';
import { legalIdentifiers, type DateField, type Name } from './identifiers.ts';

export const RIS_TYPE: Record<string, string> = {
  report: 'RPRT',
  webpage: 'ELEC',
  'article-newspaper': 'NEWS',
  legal_case: 'CASE',
  legislation: 'STAT',
  document: 'GEN',
  book: 'BOOK',
  post: 'BLOG',
  speech: 'GEN',
};

/** RIS dates are YYYY/MM/DD/ with empty parts left blank. */
const risDate = (d: DateField) => {
  const [y, m, day] = d['date-parts'][0];
  const pad = (n?: number) => (n ? String(n).padStart(2, '0') : '');
  return `${y}/${pad(m)}/${pad(day)}/`;
};
// One value per line: a line break inside a value would start a bogus tag.
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ');

export function toRisRecord(item: CslItem): string {
  const ids = legalIdentifiers(item.number as string | undefined, item.URL as string | undefined);
  const issued = item.issued as DateField;
  const lines: [string, string | undefined][] = [
    ['TY', RIS_TYPE[item.type] ?? 'GEN'],
    ['ID', item.id],
    ['TI', item.title],
    ['ST', item['title-short'] as string | undefined],
    ...((item.author as Name[] | undefined) ?? []).map((n): [string, string] => [
      'AU',
      n.literal ?? [n.family, n.given].filter(Boolean).join(', '),
    ]),
    ['PY', String(issued['date-parts'][0][0])],
    ['DA', risDate(issued)],
    // For a case, PB is the court (Zotero reads it as the court); for others, the publisher.
    ['PB', (item.type === 'legal_case' ? item.authority : item.publisher) as string | undefined],
    ['M1', ids.number],
    ['UR', item.URL as string | undefined],
    ['Y2', item.accessed ? risDate(item.accessed as DateField) : undefined],
    ['LA', item.language as string | undefined],
    ['N1', ids.ecli ? ids.ecli : ids.celex ? `CELEX:${ids.celex}` : undefined],
  ];
  return `${lines
    .filter((l): l is [string, string] => !!l[1])
    .map(([tag, v]) => `${tag}  - ${oneLine(v)}`)
    .join('\r\n')}\r\nER  - \r\n`;
}

export function toRis(items: CslItem[]): string {
  return items.map(toRisRecord).join('\r\n');
}

/** One parsed RIS record: each tag with its values in order. */
export type RisRecord = Record<string, string[]>;

/** Reads RIS records; throws on a line that is neither a tag line nor blank, or on a record without TY or ER. */
export function parseRis(text: string): RisRecord[] {
  const records: RisRecord[] = [];
  let current: RisRecord | undefined;
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const m = line.match(/^([A-Z][A-Z0-9]) {2}- ?(.*)$/);
    if (!m) throw new Error(`RIS line ${i + 1} is not "TAG  - value": ${line}`);
    const [, tag, value] = m;
    if (tag === 'TY') {
      if (current) throw new Error(`RIS line ${i + 1}: TY before the previous record's ER`);
      current = { TY: [value] };
    } else if (!current) {
      throw new Error(`RIS line ${i + 1}: ${tag} outside a record`);
    } else if (tag === 'ER') {
      records.push(current);
      current = undefined;
    } else {
      (current[tag] ??= []).push(value);
    }
  }
  if (current) throw new Error('RIS ends inside a record (no ER)');
  return records;
}
