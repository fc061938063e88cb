/**
 * Ids taken from file and folder names, checked with the same grammar as ids in fields (ID_PATTERN), and explained
 * so that an author can see what is wrong with a name that looks right: a Cyrillic "ѕ" in "deserterѕ" is invisible
 * in an editor, so the message names the character and its position.
 */
import { createRequire } from 'node:module';
import { ID_PATTERN } from '../schemas/content.ts';
import { isCalendarDate } from './dates.ts';

// The table of Unicode names takes half a second to load: loaded only when a name is wrong, never on a clean run.
const require = createRequire(import.meta.url);
let unicodeName: ((char: string) => string | undefined) | undefined;

const ALLOWED = /^[a-z0-9-]$/;
const RULE_TEXT = 'ids are ASCII a-z, 0-9 and hyphens';

/** "U+0455 CYRILLIC SMALL LETTER DZE" */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  unicodeName ??= (require('unicode-name') as typeof import('unicode-name')).unicodeName;
  const name = unicodeName(char);
  return name ? `U+${hex} ${name}` : `U+${hex}`;
}

/**
 * Why `id` is not a valid id, or null when it is. Positions count characters from 1, as an author would, so a
 * character outside the Basic Multilingual Plane counts once.
 */
export function explainBadId(id: string): string | null {
  if (ID_PATTERN.test(id)) return null;
  if (id === '') return `the name is empty; ${RULE_TEXT}`;
  const chars = Array.from(id);
  const bad = chars.findIndex((c) => !ALLOWED.test(c));
  if (bad >= 0) return `"${id}" has ${describeCharacter(chars[bad])} at position ${bad + 1}; ${RULE_TEXT}`;
  if (id.startsWith('-')) return `"${id}" starts with a hyphen; ids start and end with a letter or digit`;
  if (id.endsWith('-')) return `"${id}" ends with a hyphen; ids start and end with a letter or digit`;
  return `"${id}" has two hyphens in a row at position ${id.indexOf('--') + 1}; ids use single hyphens`;
}

/** Why a folder name is not an edition month (yyyy-mm, a real month), or null when it is one. */
export function explainBadMonth(folder: string): string | null {
  if (/^\d{4}-\d{2}$/.test(folder) && isCalendarDate(folder)) return null;
  const bad = Array.from(folder).findIndex((c) => !/^[0-9-]$/.test(c));
  const why = bad >= 0 ? ` (it has ${describeCharacter(Array.from(folder)[bad])} at position ${bad + 1})` : '';
  return `the edition folder "${folder}" is not a month written as yyyy-mm${why}`;
}

/** The parts of a profile's path, relative to content/profiles/. */
export interface ProfilePath {
  country: string;
  month: string;
  profile: string;
}

/** Why a profile path is wrong, for the author: message and hint. */
export interface PathProblem {
  rule: 'unknown-file' | 'invalid-file-name';
  message: string;
  hint: string;
}

/**
 * Splits `<country>/<yyyy-mm>/<profile>.mdx` and checks each part; the first wrong part is reported, since the
 * ids of the edition and the profile come from it.
 */
export function parseProfilePath(rel: string): ProfilePath | PathProblem {
  const parts = rel.split('/');
  if (parts.length !== 3 || !parts[2].endsWith('.mdx')) {
    return {
      rule: 'unknown-file',
      message: `a profile must live at content/profiles/<country>/<yyyy-mm>/<profile-id>.mdx, not ${rel}`,
      hint: rel.endsWith('.md') ? 'rename it to .mdx: plain .md errors can pass the build silently (withastro/astro#18054)' : 'move the file; the edition and profile ids come from the path',
    };
  }
  const [country, month, file] = parts;
  const profile = file.slice(0, -'.mdx'.length);
  const countryWhy = explainBadId(country);
  if (countryWhy) return { rule: 'invalid-file-name', message: `country folder: ${countryWhy}`, hint: 'rename the folder: it is the country id, as in content/countries/<country>.yaml' };
  const monthWhy = explainBadMonth(month);
  if (monthWhy) return { rule: 'invalid-file-name', message: monthWhy, hint: 'name the folder after the edition month, e.g. 2024-04' };
  const profileWhy = explainBadId(profile);
  if (profileWhy) return { rule: 'invalid-file-name', message: `file name: ${profileWhy}`, hint: 'rename the file: its name is the profile id, used in URLs and citations' };
  return { country, month, profile };
}
