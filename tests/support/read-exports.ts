/**
 * The exports read back by parsers that are not ours: biblatex by Better BibTeX's parser (@retorquere/bibtex-parser)
 * and by citation-js, RIS by Fidus Writer's converter (biblatex-csl-converter). Each record comes back as plain
 * strings, so a test compares what a reference manager would import with what the register says.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parseRIS } from 'biblatex-csl-converter';

export interface ReadRecord {
  key: string;
  type: string;
  fields: Record<string, string>;
}

type Creator = { name?: string; lastName?: string; firstName?: string };
const creator = (c: Creator) => c.name ?? [c.lastName, c.firstName].filter(Boolean).join(', ');

/** biblatex read by Better BibTeX's parser; throws on any parse error. Names are joined with " and ", lists with "; ". */
export function readBiblatex(text: string): ReadRecord[] {
  const lib = parseBibtex(text, { sentenceCase: false, caseProtection: false });
  if (lib.errors.length) throw new Error(`biblatex does not parse: ${JSON.stringify(lib.errors)}`);
  return lib.entries.map((e) => ({
    key: e.key,
    type: e.type,
    fields: Object.fromEntries(
      Object.entries(e.fields).map(([k, v]) => [
        k,
        Array.isArray(v)
          ? (v as (string | Creator)[])
              .map((x) => (typeof x === 'string' ? x : creator(x)))
              .join(k === 'author' ? ' and ' : '; ')
          : String(v),
      ]),
    ),
  }));
}

/** biblatex read by citation-js, as CSL-JSON. */
export function readBiblatexWithCitationJs(text: string): { id: string; title: string; URL?: string }[] {
  return new Cite(text).data as { id: string; title: string; URL?: string }[];
}

type RichText = { type: string; text?: string }[];
const plain = (v: unknown): string =>
  typeof v === 'string'
    ? v
    : Array.isArray(v)
      ? v
          .map((x) =>
            typeof x === 'string'
              ? x
              : Array.isArray(x)
                ? plain(x)
                : 'text' in x
                  ? (x as { text: string }).text
                  : Object.values(x as Record<string, RichText>)
                      .map(plain)
                      .join(' '),
          )
          .join(Array.isArray(v[0]) || (v[0] && !('text' in v[0])) ? '; ' : '')
      : String(v);

/** RIS read by Fidus Writer's converter; throws on any parse error. Values as plain strings. */
export function readRis(text: string): ReadRecord[] {
  const result = parseRIS(text);
  if (result.errors.length) throw new Error(`RIS does not parse: ${JSON.stringify(result.errors)}`);
  return Object.values(result.entries).map((e) => ({
    key: e.entry_key,
    type: e.bib_type,
    fields: Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, plain(v)])),
  }));
}
