/**
 * RIS (Zotero, EndNote, Mendeley) from CSL-JSON items. Written here because citation-js's RIS plugin (0.8.2)
 * requires citation-js core 0.8, not the 0.9 this project uses. Tags follow the RIS specification as Zotero reads
 * it: for a case, TI is the case name, PB the court, CN the case number; for a news item, T2 and JF the paper.
 *
 * A record cannot be forged from a value: every value is put on one line (no line break of any kind survives),
 * so a value can never start a tag line of its own.
 */
import { exportUrl } from '../../schemas/web-address.ts';
import type { CslItem } from './csl-item.ts';
import { itemIdentifiers, type DateField, type Name } from './identifiers.ts';

export const RIS_TYPE: Record<string, string> = {
  report: 'RPRT',
  webpage: 'ELEC',
  'article-newspaper': 'NEWS',
  legal_case: 'CASE',
  legislation: 'STAT',
  book: 'BOOK',
  post: 'BLOG',
  speech: 'GEN',
};

/**
 * The tag Zotero's RIS import reads a number from, by type: a case's docket number is CN, a report's number SN, an
 * act's number M1 (elsewhere M1 lands in "extra").
 */
const NUMBER_TAG: Record<string, string> = { legal_case: 'CN', report: 'SN', legislation: 'M1' };

/** RIS dates are YYYY/MM/DD/ with empty parts left blank. */
const risDate = (d: DateField) => {
  const [y, m, day] = d['date-parts'][0];
  const pad = (n?: number) => (n ? String(n).padStart(2, '0') : '');
  return `${y}/${pad(m)}/${pad(day)}/`;
};

/**
 * One value per line. Readers split lines on CR, LF, and some on NEL, LS, PS, VT and FF too: each of them, and
 * any other control character, becomes a space, so no value can start a line.
 */
export const oneLine = (s: string) =>
  // eslint-disable-next-line no-control-regex -- controls and Unicode line breaks are what is replaced
  s.replace(/[\s\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ').trim();

export function toRisRecord(item: CslItem): string {
  const ids = itemIdentifiers(item);
  const issued = item.issued as DateField;
  const paper = item['container-title'] as string | undefined;
  const lines: [string, string | undefined][] = [
    ['TY', RIS_TYPE[item.type] ?? 'GEN'],
    ['ID', item.id],
    ['TI', item.title],
    ['ST', item['title-short'] as string | undefined],
    ...((item.author as Name[] | undefined) ?? []).map((n): [string, string] => [
      'AU',
      n.literal ?? [n.family, n.given].filter(Boolean).join(', '),
    ]),
    ['T2', paper],
    ['JF', paper],
    ['PY', String(issued['date-parts'][0][0])],
    ['DA', risDate(issued)],
    ['ET', item.version as string | undefined],
    // For a case, PB is the court (Zotero reads it as the court); for others, the publisher.
    ['PB', (item.type === 'legal_case' ? item.authority : item.publisher) as string | undefined],
    [NUMBER_TAG[item.type] ?? 'M1', ids.number],
    ['UR', item.URL ? exportUrl(item.URL as string) : undefined],
    ['Y2', item.accessed ? risDate(item.accessed as DateField) : undefined],
    ['LA', item.language as string | undefined],
    ['N1', ids.ecli ? `ECLI: ${ids.ecli}` : ids.celex ? `CELEX: ${ids.celex}` : undefined],
  ];
  return `${lines
    .map(([tag, v]): [string, string] => [tag, v === undefined ? '' : oneLine(v)])
    .filter(([, v]) => v !== '')
    .map(([tag, v]) => `${tag}  - ${v}`)
    .join('\r\n')}\r\nER  - \r\n`;
}

export function toRis(items: CslItem[]): string {
  return items.map(toRisRecord).join('\r\n');
}
