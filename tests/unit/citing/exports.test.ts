/**
 * Every export a reference manager imports is read back by parsers that are not ours (tests/support/read-exports.ts)
 * and compared with the register: one record per source, with the same fields and values. Hostile values (a brace
 * that would close a field, a line break that would start an RIS tag) must come back as the text they are.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { describe, expect, it } from 'vitest';
import { cslRegister, type CslItem } from '../../../src/citing/csl.ts';
import { loadCorpus } from '../../../src/corpus/corpus.ts';
import { escapeTex, toBiblatex } from '../../../src/citing/exports/biblatex.ts';
import { itemIdentifiers, type Name } from '../../../src/citing/exports/identifiers.ts';
import { toRis } from '../../../src/citing/exports/ris.ts';
import { exportUrl } from '../../../src/schemas/web-address.ts';
import { readBiblatex, readBiblatexWithCitationJs, readRis } from '../../support/read-exports.ts';

const register = [...cslRegister(loadCorpus('content')).values()];
const fixture = [...cslRegister(loadCorpus('tests/fixtures/valid')).values()];
const year = (i: CslItem) => (i.issued as { 'date-parts': number[][] })['date-parts'][0][0];

/** Text as any reader sees it once line breaks and controls are spaces. */
// eslint-disable-next-line no-control-regex -- controls are what is flattened
const flat = (s: string) => s.replace(/[\s\u0000-\u001F\u007F-\u009F]+/g, ' ').trim();
const nameText = (n: Name) => n.literal ?? [n.family, n.given].filter(Boolean).join(', ');
const words = (s: string) =>
  flat(s)
    .split(/[\s,;]+/)
    .filter(Boolean)
    .sort();

const decodedFully = (url: string): string => {
  let once: string;
  try {
    once = decodeURI(url);
  } catch {
    return url; // a lone "%" left: fully decoded
  }
  return once === url ? url : decodedFully(once);
};

const BREAKS = ['\n', '\r', '\r\n', '\u0085', '\u2028', '\u2029', '\u000B', '\u000C'];
/** Values that try to close a biblatex field or entry, or to start an RIS record. */
const hostile: CslItem[] = [
  {
    id: 'brace-title',
    type: 'report',
    title: 'A } title, note = {x',
    'title-short': 'Short }',
    author: [{ literal: 'Upper Tribunal (Immigration and Asylum Chamber)' }, { family: 'Do}e', given: 'A{' }],
    publisher: 'Org }',
    issued: { 'date-parts': [[2020, 3]] },
    URL: 'https://example.org/a?q={x}&r=50%',
  },
  {
    id: 'forged-entry',
    type: 'article-newspaper',
    title: '}\n@misc{forged,\n title = {forged}',
    author: [{ literal: '} , note = {x' }],
    'container-title': 'Paper \\}',
    issued: { 'date-parts': [[2021]] },
  },
  ...BREAKS.map((b, i): CslItem => ({
    id: `line-break-${i}`,
    type: 'webpage',
    title: `Title${b}ER  - ${b}TY  - JOUR${b}TI  - forged`,
    author: [{ literal: `Org${b}AU  - forged` }],
    issued: { 'date-parts': [[2022, 1, 2]] },
    URL: 'https://example.org/x',
  })),
];

describe.each([
  ['content/', register],
  ['the valid fixture', fixture],
  ['hostile values', hostile],
])('exports of %s, read back by independent parsers', (_, items) => {
  it('has sources to export', () => expect(items.length).toBeGreaterThan(2));

  it('biblatex (Better BibTeX parser): one entry per source, with its title, names, date, URL and fields', () => {
    const back = readBiblatex(toBiblatex(items));
    expect(back.map((b) => b.key)).toEqual(items.map((i) => i.id));
    for (const [n, item] of items.entries()) {
      const f = back[n].fields;
      const ids = itemIdentifiers(item);
      expect(f.title, item.id).toBe(flat(item.title));
      expect(f.date, item.id).toBe(
        (item.issued as { 'date-parts': number[][] })['date-parts'][0].map((p) => String(p).padStart(2, '0')).join('-'),
      );
      expect(f.url, item.id).toBe(item.URL ? exportUrl(item.URL as string) : undefined);
      expect(f.version, item.id).toBe(item.version);
      if (item.type !== 'legal_case')
        expect(f.author, item.id).toBe((item.author as Name[]).map((a) => flat(nameText(a))).join(' and '));
      if (item.type === 'report') {
        expect(f.type, item.id).toBe('Report');
        expect(f.institution, item.id).toBe(item.publisher && flat(item.publisher as string));
      }
      if (item.type === 'article-newspaper') {
        expect(back[n].type).toBe('article');
        expect(f.journaltitle, item.id).toBe(flat(item['container-title'] as string));
        expect(f.entrysubtype).toBe('newspaper');
      }
      if (item.type === 'legal_case') {
        expect(back[n].type).toBe('jurisdiction');
        expect([f.institution, f.number, f.eprint], item.id).toEqual([item.authority, ids.number, ids.ecli]);
      }
    }
  });

  it('biblatex (citation-js): the same entries, titles and URLs', () => {
    const back = readBiblatexWithCitationJs(toBiblatex(items));
    expect(back.map((b) => [b.id, b.title])).toEqual(items.map((i) => [i.id, flat(i.title)]));
    // citation-js percent-encodes some of the verbatim url field once more ("%3A" → "%253A"), so both sides are
    // compared fully decoded.
    expect(back.map((b) => b.URL && decodedFully(b.URL))).toEqual(
      items.map((i) => i.URL && decodedFully(exportUrl(i.URL as string))),
    );
  });

  it('RIS (Fidus Writer converter): one record per source, with its title, authors, date, URL, publisher and paper', () => {
    const back = readRis(toRis(items));
    expect(back).toHaveLength(items.length);
    for (const [n, item] of items.entries()) {
      const f = back[n].fields;
      expect(f.title, item.id).toBe(flat(item.title));
      expect(f.date, item.id).toBe(String(year(item)));
      expect(f.url, item.id).toBe(item.URL ? exportUrl(item.URL as string) : undefined);
      expect(words(f.author ?? ''), item.id).toEqual(words((item.author as Name[]).map(nameText).join(' ')));
      if (item.type === 'article-newspaper')
        expect(f.journaltitle, item.id).toBe(flat(item['container-title'] as string));
      if (item.type === 'report') expect(f.publisher, item.id).toBe(item.publisher && flat(item.publisher as string));
      if (item.type === 'legal_case') expect(f.publisher, item.id).toBe(item.authority);
    }
  });

  it('CSL-JSON parses back through citation-js with type, title, date and URL', () => {
    const back = new Cite(JSON.parse(JSON.stringify(items))).data as CslItem[];
    expect(back.map((i) => [i.id, i.type, i.title, year(i), i.URL])).toEqual(
      items.map((i) => [i.id, i.type, i.title, year(i), i.URL]),
    );
  });
});

describe('references that survive a reference manager', () => {
  const item = (id: string) => register.find((i) => i.id === id)!;

  it('every report names its institution as publisher; every news item names its paper', () => {
    for (const i of register.filter((x) => x.type === 'report')) expect(i.publisher, i.id).toBeTruthy();
    for (const i of register.filter((x) => x.type === 'article-newspaper')) {
      expect(i['container-title'], i.id).toBeTruthy();
      expect(i.publisher, i.id).toBeUndefined();
    }
    expect(
      register.some((i) => i.type === 'document'),
      'document prints no date in OSCOLA',
    ).toBe(false);
  });

  it('a case has the parties as title, and its number, court, date and ECLI in their own fields', () => {
    const ez = item('cjeu-ez');
    expect(ez).toMatchObject({
      title: 'EZ v Bundesrepublik Deutschland',
      number: 'C-238/19',
      authority: 'Court of Justice of the European Union (Sixth Chamber)',
      issued: { 'date-parts': [[2020, 11, 19]] },
      note: 'ECLI: ECLI:EU:C:2020:945',
    });
    const [ris] = toRis([ez])
      .split('\r\n')
      .filter((l) => l.startsWith('N1'));
    expect(ris).toBe('N1  - ECLI: ECLI:EU:C:2020:945');
  });

  it('an edition is told apart by its version, not by a suffix to its title', () => {
    expect(item('euaa-cg-syria-2024')).toMatchObject({ title: 'Country Guidance: Syria', version: 'April 2024' });
    expect(register.filter((i) => /edition$/.test(i.title))).toEqual([]);
    const keys = register.map((i) => `${i.title}|${i.version ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('langid is a biblatex language name, and a name holding " and " stays one name', () => {
    const entry = toBiblatex([item('uk-ut-kb-2012')]);
    expect(entry).toContain('langid = {british}');
    expect(entry).toContain('institution = {{Upper Tribunal (Immigration and Asylum Chamber)}}');
    expect(readBiblatex(entry)[0].fields.institution).toBe('Upper Tribunal (Immigration and Asylum Chamber)');
  });
});

describe('the writers cannot be forged', () => {
  it('escapeTex leaves no brace of the data and no line break', () => {
    const out = escapeTex('50% & {more} #1 a_b ~ ^ \\ x\u2028y\nz');
    expect(out).toBe(
      '50\\% \\& \\textbraceleft{}more\\textbraceright{} \\#1 a\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{} x y z',
    );
    expect(out.replace(/\{\}/g, '')).not.toMatch(/[{}\n\u2028]/);
  });

  it('an RIS record holds one line per tag whatever the values', () => {
    const ris = toRis(hostile);
    const lines = ris.split('\r\n').filter(Boolean);
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(lines.filter((l) => l.startsWith('TY'))).toHaveLength(hostile.length);
    for (const b of BREAKS.filter((b) => b !== '\r\n')) expect(ris.replace(/\r\n/g, '')).not.toContain(b);
  });

  it('a URL is written only as an absolute http(s) URL, percent-encoded where a format reads syntax', () => {
    expect(exportUrl('https://example.org/a?q={x}&r=50%')).toBe('https://example.org/a?q=%7Bx%7D&r=50%25');
    expect(exportUrl('https://example.org/a b"c')).toBe('https://example.org/a%20b%22c');
    for (const bad of ['/relative', 'javascript:alert(1)', 'ftp://example.org/', 'not a url'])
      expect(() => exportUrl(bad), bad).toThrow();
  });
});
