/**
 * Every export a reference manager imports parses back to what Zotero needs: type, title, date and URL. BibTeX and
 * CSL-JSON through citation-js (the library Zotero-like tools use); RIS through our reader, since citation-js's RIS
 * plugin does not work with its 0.9 core.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { describe, expect, it } from 'vitest';
import { cslRegister, editionTitles, type CslItem } from '../../../src/lib/csl.ts';
import { loadCorpus } from '../../../src/lib/corpus.ts';
import { escapeTex, toBiblatex, toBiblatexEntry } from '../../../src/lib/exports/biblatex.ts';
import { legalIdentifiers } from '../../../src/lib/exports/identifiers.ts';
import { parseRis, RIS_TYPE, toRis } from '../../../src/lib/exports/ris.ts';
import type { Source } from '../../../src/schemas/content.ts';

const register = [...cslRegister(loadCorpus('content')).values()];
const fixture = [...cslRegister(loadCorpus('tests/fixtures/valid')).values()];
const year = (i: CslItem) => (i.issued as { 'date-parts': number[][] })['date-parts'][0][0];

describe.each([
  ['content/', register],
  ['the valid fixture', fixture],
])('exports of %s', (_, items) => {
  it('has sources to export', () => expect(items.length).toBeGreaterThan(2));

  it('CSL-JSON parses back through citation-js with type, title, date and URL', () => {
    const back = new Cite(JSON.parse(JSON.stringify(items))).data as CslItem[];
    expect(back.map((i) => [i.id, i.type, i.title, year(i), i.URL])).toEqual(
      items.map((i) => [i.id, i.type, i.title, year(i), i.URL]),
    );
  });

  it('biblatex parses back through citation-js with type, title, date and URL', () => {
    const back = new Cite(toBiblatex(items)).data as CslItem[];
    expect(back).toHaveLength(items.length);
    for (const [i, item] of items.entries()) {
      const b = back[i];
      expect(b.id, item.id).toBe(item.id);
      expect(b.title, item.id).toBe(item.title);
      expect(b.issued, item.id).toEqual(item.issued);
      // citation-js percent-encodes the verbatim url field once more ("%3A" → "%253A"); biblatex prints it as is.
      expect(b.URL === item.URL || decodeURI(b.URL as string) === item.URL, `${item.id}: ${b.URL}`).toBe(true);
      // biblatex has fewer types than CSL: reports, cases and acts keep theirs, the rest map to close kin.
      if (['report', 'legal_case', 'legislation', 'book', 'webpage'].includes(item.type))
        expect(b.type, item.id).toBe(item.type);
    }
  });

  it('RIS parses back with type, title, date and URL', () => {
    const back = parseRis(toRis(items));
    expect(back.map((r) => [r.ID[0], r.TY[0], r.TI[0], r.PY[0], r.UR?.[0]])).toEqual(
      items.map((i) => [i.id, RIS_TYPE[i.type], i.title, String(year(i)), i.URL]),
    );
  });
});

describe('legal references', () => {
  it('a judgment is a biblatex @jurisdiction with its court, case number and ECLI', () => {
    const ez = register.find((i) => i.id === 'cjeu-ez')!;
    const entry = toBiblatexEntry(ez);
    expect(entry).toMatch(/^@jurisdiction\{cjeu-ez,/);
    expect(entry).toContain('institution = {Court of Justice of the European Union');
    expect(entry).toContain('number = {C-238/19}');
    expect(entry).toContain('eprint = {ECLI:EU:C:2020:945}');
    expect(entry).toContain('eprinttype = {ECLI}');
    const [record] = parseRis(toRis([ez]));
    expect(record.TY).toEqual(['CASE']);
    expect(record.PB[0]).toMatch(/^Court of Justice/);
    expect(record.N1).toEqual(['ECLI:EU:C:2020:945']);
  });

  it('an EU act is @legislation with its number and CELEX, not a US statute', () => {
    const item: CslItem = {
      id: 'eu-x',
      type: 'legislation',
      title: 'Directive 2011/95/EU',
      number: 'Directive 2011/95/EU, OJ L 337, 20.12.2011, p. 9',
      issued: { 'date-parts': [[2011, 12, 13]] },
      URL: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32011L0095',
    };
    const entry = toBiblatexEntry(item);
    expect(entry).toMatch(/^@legislation\{eu-x,/);
    expect(entry).toContain('eprint = {32011L0095}');
    expect(entry).toContain('eprinttype = {CELEX}');
    expect(entry).not.toContain('Pub. L.');
  });

  it('finds ECLI in a number and CELEX in a URL', () => {
    expect(
      legalIdentifiers('C-238/19, ECLI:EU:C:2020:945', 'https://eur-lex.europa.eu/x?uri=CELEX:62019CJ0238'),
    ).toEqual({ ecli: 'ECLI:EU:C:2020:945', celex: '62019CJ0238', number: 'C-238/19' });
    expect(
      legalIdentifiers(
        'C-472/13',
        'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=ecli%3AECLI%3AEU%3AC%3A2015%3A117',
      ),
    ).toEqual({ ecli: 'ECLI:EU:C:2015:117', number: 'C-472/13' });
    expect(legalIdentifiers('[2012] UKUT 00426 (IAC)', undefined)).toEqual({ number: '[2012] UKUT 00426 (IAC)' });
  });
});

describe('edition titles', () => {
  it('every edition of the EUAA guidance has a title naming its edition, and no two sources share a title', () => {
    const titles = register.map((i) => i.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(register.find((i) => i.id === 'euaa-cg-syria-2024')!.title).toBe(
      'Country Guidance: Syria, April 2024 edition',
    );
    expect(register.find((i) => i.id === 'euaa-cg-syria-2025-12')!.title).toBe(
      'Country Guidance: Syria, December 2025 edition',
    );
  });

  it('leaves a title alone that already names its year', () => {
    const s = (title: string, issued: string) => ({ title, issued }) as Source;
    const titles = editionTitles(
      new Map([
        ['a', s('Report (2024)', '2024-05')],
        ['b', s('Report (2024)', '2024-06')],
        ['c', s('Other', '2020')],
      ]),
      [],
    );
    expect(titles.size).toBe(0);
  });
});

it('escapes TeX specials so a title cannot break the entry', () => {
  expect(escapeTex('50% & {more} #1 a_b ~ ^ \\')).toBe(
    '50\\% \\& \\{more\\} \\#1 a\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
  );
});

it('RIS reader rejects what is not RIS', () => {
  expect(() => parseRis('TY  - RPRT\nTI  - x\n')).toThrow(/no ER/);
  expect(() => parseRis('hello')).toThrow(/not "TAG {2}- value"/);
});
