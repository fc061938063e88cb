/**
 * Strict UTF-8 for content files, with the place of the first bad byte. A decoder that replaces bad bytes with
 * U+FFFD would publish garbled text without a word; TextDecoder's `fatal` mode rejects them but does not say where.
 *
 * Decision: a byte-order mark is an error too. UTF-8 needs none, and tools disagree on it (a BOM before `---`
 * hides an MDX file's frontmatter from some of them), so "UTF-8 without BOM" is the one accepted form.
 */
import type { Position } from './positions.ts';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Offset of the first byte that starts an invalid UTF-8 sequence, or -1. The ranges are those of RFC 3629 and the
 * WHATWG decoder: no overlong forms, no surrogates, nothing above U+10FFFF.
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Line and column of a byte offset, counting columns in characters as the other positions do. */
export function bytePosition(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // The bytes before the first bad one are valid by definition, so they decode.
  return { line, column: strict.decode(bytes.subarray(lineStart, offset)).length + 1 };
}

export interface Utf8Problem extends Position {
  message: string;
  hint: string;
}

/** Why the bytes are not accepted content text, with where; null when they are valid UTF-8 without a BOM. */
export function utf8Problem(bytes: Uint8Array): Utf8Problem | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      line: 1,
      column: 1,
      message: 'the file starts with a byte-order mark (BOM)',
      hint: 'save the file as UTF-8 without BOM',
    };
  }
  try {
    strict.decode(bytes);
    return null;
  } catch {
    // Fall through to find the place.
  }
  const offset = firstInvalidByte(bytes);
  const at = bytePosition(bytes, Math.max(0, offset));
  const byte = bytes[offset]?.toString(16).toUpperCase().padStart(2, '0') ?? '??';
  return {
    ...at,
    message: `the file is not valid UTF-8: byte 0x${byte} at byte offset ${offset} does not start a valid UTF-8 character`,
    hint: 'save the file as UTF-8 (it was probably saved as Latin-1 or Windows-1252); fix the character at this place',
  };
}
