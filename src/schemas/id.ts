/**
 * The one grammar for ids, in fields and in file and folder names alike, and an explanation of why a name breaks
 * it that an author can act on: a Cyrillic "ѕ" in "deserterѕ" is invisible in an editor, so the message names the
 * character and its position.
 */
import { createRequire } from 'node:module';

/**
 * ASCII lower-case letters, digits and single hyphens. ASCII only, so that a look-alike letter from another script
 * can never pass for another id.
 */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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
