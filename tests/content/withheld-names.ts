import { createHash } from 'node:crypto';

/**
 * Finds withheld names without naming them: the repository keeps only salted SHA-256 hashes of each lower-cased
 * name, and every word and every pair of adjacent words of a text is hashed the same way and looked up. A pair is
 * its two words joined by one space, whatever separated them (a space, a hyphen, a line break, markup), so a name
 * cannot slip past by being split or re-punctuated.
 */

export interface WithheldList {
  salt: string;
  hashes: string[];
}

export interface Match {
  line: number;
  /** Which entry of the list matched; the word itself is never returned, so no report can print it. */
  entry: number;
}

export function nameHash(salt: string, name: string): string {
  return createHash('sha256').update(`${salt}\n${name.normalize('NFC').toLowerCase()}`).digest('hex');
}

/** Letters with their combining marks; digits and punctuation separate words. */
const WORD = /[\p{L}\p{M}]+/gu;

export function findWithheld(raw: string, list: WithheldList): Match[] {
  const text = raw.normalize('NFC');
  const wanted = new Map(list.hashes.map((h, i) => [h, i]));
  const matches: Match[] = [];
  let line = 1;
  let scanned = 0;
  let previous: { word: string; line: number } | undefined;
  for (const m of text.matchAll(WORD)) {
    for (; scanned < m.index; scanned++) if (text[scanned] === '\n') line++;
    const word = m[0];
    const single = wanted.get(nameHash(list.salt, word));
    if (single !== undefined) matches.push({ line, entry: single });
    if (previous) {
      const pair = wanted.get(nameHash(list.salt, `${previous.word} ${word}`));
      if (pair !== undefined) matches.push({ line: previous.line, entry: pair });
    }
    previous = { word, line };
  }
  return matches;
}
