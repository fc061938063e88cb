/**
 * Characters content may not hold. Controls (C0 and C1, other than tab and line ends) are invisible and make some
 * outputs ill-formed (a form feed is not allowed in XML 1.0); bidirectional controls can make published text display
 * in another order than it reads (a "yes" shown as a "no"); the renderer, not the author, sets direction where
 * Arabic text needs it. Other invisible format characters (Unicode category Cf: zero-width space, word joiner, …)
 * are refused where text must match exactly: in ids and keys. In prose they stay allowed, because scripts such as
 * Persian need the zero-width non-joiner.
 */
import { describeCharacter } from '../schemas/id.ts';

// Category Cc is exactly C0, DEL and C1.
const CONTROL = /(?![\t\n\r])\p{Cc}/u;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const FORMAT = /\p{Cf}/u;

export interface CharacterProblem {
  /** Index of the character in the text (UTF-16 units). */
  index: number;
  message: string;
  hint: string;
}

/** The first character `text` may not hold, or null. `key`: the text is an id or a key, where Cf is refused too. */
export function forbiddenCharacter(text: string, key = false): CharacterProblem | null {
  const control = CONTROL.exec(text);
  const bidi = BIDI.exec(text);
  const format = key ? FORMAT.exec(text) : null;
  const first = [control, bidi, format]
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => a.index - b.index)[0];
  if (!first) return null;
  const name = describeCharacter(first[0]);
  if (first === control)
    return {
      index: first.index,
      message: `the text holds the control character ${name}`,
      hint: 'remove it (a YAML escape such as "\\f" or "\\x07" writes one too); only tabs and line ends are allowed',
    };
  if (first === bidi)
    return {
      index: first.index,
      message: `the text holds the bidirectional control ${name}, which can make it display in another order than it reads`,
      hint: 'remove it; the site sets the direction of Arabic text itself',
    };
  return {
    index: first.index,
    message: `the ${key ? 'id or key' : 'text'} holds the invisible character ${name}`,
    hint: 'remove it: ids and keys must match exactly, and an invisible character makes two look alike',
  };
}

/** A text as a message may quote it: every control, bidirectional or format character written as \u{…}. */
export function showInvisible(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
}
