/**
 * biblatex from CSL-JSON items. citation-js's biblatex output drops the court and the case number of a judgment
 * and the number of an act, which a lawyer's reference needs, so entries are written here, after biblatex-oscola's
 * model: @jurisdiction for cases (title = the parties, institution = court, number = case number) and @legislation
 * for acts, with ECLI or CELEX as biblatex eprints.
 *
 * No value can end its field or its entry: every value is written through one of the writers below, which emit no
 * brace of their own making unbalanced and turn every brace of the data into a TeX command (BibTeX readers count
 * braces even after a backslash), and URLs are written only as exportUrl serialises them.
 */
import { exportUrl } from '../../schemas/web-address.ts';
import type { CslItem } from './csl-item.ts';
import { itemIdentifiers, type DateField, type Name } from './identifiers.ts';

const ENTRY_TYPE: Record<string, string> = {
  report: 'report',
  webpage: 'online',
  post: 'online',
  'article-newspaper': 'article',
  legal_case: 'jurisdiction',
  legislation: 'legislation',
  book: 'book',
};

/** biblatex's names for the languages of the register (babel/polyglossia); a language not listed is left out. */
const LANGID: Record<string, string> = {
  en: 'british',
  'en-GB': 'british',
  'en-US': 'american',
  de: 'ngerman',
  fr: 'french',
  ar: 'arabic',
  da: 'danish',
  nb: 'norsk',
  no: 'norsk',
  sv: 'swedish',
  nl: 'dutch',
  es: 'spanish',
  it: 'italian',
  el: 'greek',
};

const TEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In TeX's default font encoding "<" and ">" print as "¡" and "¿".
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/**
 * Escapes text for a biblatex field: TeX specials become commands, braces included, and every line break or
 * control character becomes a space, so the result holds no brace of its own.
 */
export function escapeTex(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- controls and Unicode line breaks are what is replaced
      .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ')
      .replace(/[\\{}~^<>]/g, (c) => TEX_SPECIAL[c])
      .replace(/[%&$#_]/g, '\\$&')
  );
}

const isoDate = (d: DateField) =>
  d['date-parts'][0].map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join('-');

/** One name of a name list, braced so that " and " or a comma inside it never splits it. */
const name = (n: Name) =>
  n.literal
    ? `{${escapeTex(n.literal)}}`
    : [n.family, n.given]
        .filter(Boolean)
        .map((p) => `{${escapeTex(p!)}}`)
        .join(', ');

/** The value writers: what each kind of field holds, written so that it stays inside its field. */
const write = {
  /** Literal text; the outer braces keep institutional titles' capitals ("EU", "Syria") in every style. */
  title: (v: string) => `{{${escapeTex(v)}}}`,
  text: (v: string) => `{${escapeTex(v)}}`,
  /** A literal list (institution, publisher, organization) of one item, which may hold " and ". */
  list: (v: string) => `{{${escapeTex(v)}}}`,
  names: (v: Name[]) => `{${v.map(name).join(' and ')}}`,
  url: (v: string) => `{${exportUrl(v)}}`,
  date: (v: DateField) => `{${isoDate(v)}}`,
};

type Field = [string, string | undefined];
const opt = <T>(v: T | undefined, w: (v: T) => string): string | undefined =>
  v === undefined || v === '' ? undefined : w(v);

/** The fields an entry of `type` takes, beyond author, title, date, URL and language. */
function typeFields(type: string, item: CslItem): Field[] {
  const ids = itemIdentifiers(item);
  const publisher = item.publisher as string | undefined;
  switch (type) {
    case 'report':
      return [
        ['type', write.text('Report')],
        ['institution', opt(publisher, write.list)],
        ['number', opt(ids.number, write.text)],
      ];
    case 'article':
      return [
        ['journaltitle', opt(item['container-title'] as string | undefined, write.text)],
        ['entrysubtype', write.text('newspaper')],
      ];
    case 'jurisdiction':
      return [
        ['institution', opt(item.authority as string | undefined, write.list)],
        ['number', opt(ids.number, write.text)],
      ];
    case 'legislation':
      return [
        ['number', opt(ids.number, write.text)],
        ['publisher', opt(publisher, write.list)],
      ];
    case 'book':
      return [['publisher', opt(publisher, write.list)]];
    default:
      return [['organization', opt(publisher, write.list)]];
  }
}

/** The entry key: the source's id, which the schema keeps kebab-case; anything else is a bug, not data to write. */
function entryKey(id: string): string {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) throw new Error(`Source id "${id}" cannot be a biblatex key`);
  return id;
}

/** One biblatex entry; fields in a stable order. */
export function toBiblatexEntry(item: CslItem): string {
  const type = ENTRY_TYPE[item.type] ?? 'misc';
  const ids = itemIdentifiers(item);
  const fields: Field[] = [
    // A court is the case's institution, not its author (biblatex-oscola).
    ['author', type === 'jurisdiction' ? undefined : opt(item.author as Name[] | undefined, write.names)],
    ['title', write.title(item.title)],
    ['shorttitle', opt(item['title-short'] as string | undefined, write.title)],
    ...typeFields(type, item),
    ['version', opt(item.version as string | undefined, write.text)],
    ['date', write.date(item.issued as DateField)],
    ['url', opt(item.URL as string | undefined, write.url)],
    ['urldate', opt(item.accessed as DateField | undefined, write.date)],
    ['eprint', opt(ids.ecli ?? ids.celex, write.text)],
    ['eprinttype', opt(ids.ecli ? 'ECLI' : ids.celex ? 'CELEX' : undefined, write.text)],
    ['langid', opt(LANGID[item.language as string], write.text)],
  ];
  const body = fields
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([k, v]) => `  ${k} = ${v},`)
    .join('\n');
  return `@${type}{${entryKey(item.id)},\n${body}\n}\n`;
}

export function toBiblatex(items: CslItem[]): string {
  return items.map(toBiblatexEntry).join('\n');
}
