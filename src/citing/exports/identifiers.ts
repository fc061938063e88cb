/** Identifiers of EU and national legal texts, read from what the register already holds (number, URL). */

const ECLI = /\bECLI:[A-Z]{2}:[A-Z0-9.]+:\d{4}:[A-Z0-9.]+\b/;
const CELEX = /\bCELEX(?::|%3A)([0-9][0-9A-Z()]+)/i;

export interface LegalIdentifiers {
  /** European Case Law Identifier ("ECLI:EU:C:2020:945"). */
  ecli?: string;
  /** CELEX number of an EU act or judgment ("62019CJ0238", "32011L0095"). */
  celex?: string;
  /** The case or act number with any ECLI taken out ("C-238/19"). */
  number?: string;
}

export function legalIdentifiers(number: string | undefined, url: string | undefined): LegalIdentifiers {
  const decodedUrl = url ? safeDecode(url) : undefined;
  const ecli = number?.match(ECLI)?.[0] ?? decodedUrl?.match(ECLI)?.[0];
  const celex = url?.match(CELEX)?.[1];
  const rest = ecli && number ? number.replace(ecli, '').replace(/^[\s,;]+|[\s,;]+$/g, '') : number;
  return { ...(ecli && { ecli }), ...(celex && { celex }), ...(rest && { number: rest }) };
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** A CSL-JSON name, as the exporters read it. */
export type Name = { literal?: string; family?: string; given?: string };
/** A CSL-JSON date, as the exporters read it. */
export type DateField = { 'date-parts': number[][] };

/** The identifiers of a CSL item (see csl-item.ts): its number as it is, ECLI from its note or URL, CELEX from its URL. */
export function itemIdentifiers(item: Record<string, unknown>): LegalIdentifiers {
  const { ecli, celex } = legalIdentifiers(item.note as string | undefined, item.URL as string | undefined);
  const number = item.number as string | undefined;
  return { ...(ecli && { ecli }), ...(celex && { celex }), ...(number && { number }) };
}
