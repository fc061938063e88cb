/**
 * biblatex from CSL-JSON items. citation-js's biblatex output drops the court and the case number of a judgment
 * and the number of an act, which a lawyer's reference needs, so entries are written here: @jurisdiction for cases
 * (institution = court, number = case number) and @legislation for acts, with ECLI or CELEX as biblatex eprints.
 */
import type { CslItem } from '../csl.ts';
import { legalIdentifiers, type DateField, type Name } from './identifiers.ts';

const ENTRY_TYPE: Record<string, string> = {
  report: 'report',
  webpage: 'online',
  'article-newspaper': 'article',
  legal_case: 'jurisdiction',
  legislation: 'legislation',
  document: 'misc',
  book: 'book',
  post: 'online',
  speech: 'misc',
};

/** Escapes the characters TeX treats specially; braces keep the case of the text as written. */
export function escapeTex(text: string): string {
  // The backslash goes through a placeholder so that the braces of its replacement are not escaped in turn.
  return (
    text
      .replace(/\\/g, '\u0000')
      .replace(/([{}%&$#_])/g, '\\$1')
      // eslint-disable-next-line no-control-regex -- NUL never occurs in a title, so it is a safe placeholder
      .replace(/\u0000/g, '\\textbackslash{}')
      .replace(/~/g, '\\textasciitilde{}')
      .replace(/\^/g, '\\textasciicircum{}')
  );
}

const isoDate = (d: DateField) =>
  d['date-parts'][0].map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join('-');
const name = (n: Name) =>
  n.literal
    ? `{${escapeTex(n.literal)}}`
    : [n.family, n.given]
        .filter(Boolean)
        .map((p) => escapeTex(p!))
        .join(', ');

/** One biblatex entry; fields in a stable order. */
export function toBiblatexEntry(item: CslItem): string {
  const type = ENTRY_TYPE[item.type] ?? 'misc';
  const ids = legalIdentifiers(item.number as string | undefined, item.URL as string | undefined);
  const fields: [string, string | undefined][] = [
    ['author', (item.author as Name[] | undefined)?.map(name).join(' and ')],
    // Double braces keep institutional titles' capitals ("EU", "Syria") in every bibliography style.
    ['title', `{${escapeTex(item.title)}}`],
    ['shorttitle', item['title-short'] ? `{${escapeTex(item['title-short'] as string)}}` : undefined],
    [
      'institution',
      type === 'jurisdiction' || type === 'report'
        ? ((item.authority ?? item.publisher) as string | undefined)
        : undefined,
    ],
    ['publisher', type !== 'report' && type !== 'jurisdiction' ? (item.publisher as string | undefined) : undefined],
    ['number', type === 'jurisdiction' || type === 'legislation' ? ids.number : (item.number as string | undefined)],
    ['date', isoDate(item.issued as DateField)],
    ['url', item.URL as string | undefined],
    ['urldate', item.accessed ? isoDate(item.accessed as DateField) : undefined],
    ['eprint', ids.ecli ?? ids.celex],
    ['eprinttype', ids.ecli ? 'ECLI' : ids.celex ? 'CELEX' : undefined],
    ['langid', item.language as string | undefined],
  ];
  const body = fields
    .filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '')
    // url and dates are verbatim in biblatex; author and title are escaped above.
    .map(
      ([k, v]) =>
        `  ${k} = {${k === 'url' || k === 'author' || k === 'title' || k === 'shorttitle' || k === 'date' || k === 'urldate' ? v : escapeTex(v)}},`,
    )
    .join('\n');
  return `@${type}{${item.id},\n${body}\n}\n`;
}

export function toBiblatex(items: CslItem[]): string {
  return items.map(toBiblatexEntry).join('\n');
}
