import { describe, expect, it } from 'vitest';
import { firstInvalidByte, utf8Problem } from '../../../src/corpus/utf8.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('utf8Problem', () => {
  it('accepts UTF-8 text with accents, Arabic and emoji', () => {
    expect(utf8Problem(bytes('title: Café\nDamascus: دمشق 😀\n'))).toBeNull();
  });

  it('places a Latin-1 byte at its line and column', () => {
    // "Caf" then 0xE9 (é in Latin-1) on line 2
    expect(utf8Problem(bytes('title: x\nscope: Caf', [0xe9], '\n'))).toEqual({
      line: 2,
      column: 11,
      message: 'the file is not valid UTF-8: byte 0xE9 at byte offset 19 does not start a valid UTF-8 character',
      hint: 'save the file as UTF-8 (it was probably saved as Latin-1 or Windows-1252); fix the character at this place',
    });
  });

  it('counts columns in characters, not bytes, before the bad byte', () => {
    // "دمشق " is 9 bytes but 5 characters
    expect(utf8Problem(bytes('دمشق ', [0xff]))).toEqual(expect.objectContaining({ line: 1, column: 6 }));
  });

  it('refuses a byte-order mark at 1:1', () => {
    expect(utf8Problem(bytes([0xef, 0xbb, 0xbf], '---\n'))).toEqual(
      expect.objectContaining({ line: 1, column: 1, message: 'the file starts with a byte-order mark (BOM)' }),
    );
  });

  it.each([
    ['a sequence cut off at the end of the file', [0x61, 0xe2, 0x82], 1],
    ['an overlong encoding of "/"', [0x61, 0xc0, 0xaf], 1],
    ['an encoded surrogate', [0x61, 0xed, 0xa0, 0x80], 1],
    ['a code point above U+10FFFF', [0x61, 0xf4, 0x90, 0x80, 0x80], 1],
    ['a lone continuation byte', [0x61, 0x62, 0x80], 2],
    ['a lead byte followed by ASCII', [0xc3, 0x41], 0],
  ])('finds %s', (_, input, offset) => {
    expect(firstInvalidByte(Uint8Array.from(input))).toBe(offset);
    expect(utf8Problem(Uint8Array.from(input))).toEqual(expect.objectContaining({ line: 1, column: offset + 1 }));
  });

  it('agrees with the WHATWG decoder on every two-byte sequence', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (let a = 0x80; a <= 0xff; a++) {
      for (let b = 0; b <= 0xff; b += 7) {
        const input = Uint8Array.from([a, b, 0x80, 0x80]);
        let valid = true;
        try {
          strict.decode(input);
        } catch {
          valid = false;
        }
        expect(firstInvalidByte(input) === -1, `${a.toString(16)} ${b.toString(16)}`).toBe(valid);
      }
    }
  });
});
