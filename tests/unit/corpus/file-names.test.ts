import { describe, expect, it } from 'vitest';
import { explainBadMonth, parseProfilePath } from '../../../src/corpus/file-names.ts';
import { describeCharacter, explainBadId } from '../../../src/schemas/id.ts';

describe('explainBadId', () => {
  it.each([
    // a Cyrillic look-alike, invisible in an editor, is named with its code point and position
    ['deserterѕ', '"deserterѕ" has U+0455 CYRILLIC SMALL LETTER DZE at position 9; ids are ASCII a-z, 0-9 and hyphens'],
    ['Deserters', '"Deserters" has U+0044 LATIN CAPITAL LETTER D at position 1; ids are ASCII a-z, 0-9 and hyphens'],
    ['..', '".." has U+002E FULL STOP at position 1; ids are ASCII a-z, 0-9 and hyphens'],
    ['report.2022', '"report.2022" has U+002E FULL STOP at position 7; ids are ASCII a-z, 0-9 and hyphens'],
    ['draft evaders', '"draft evaders" has U+0020 SPACE at position 6; ids are ASCII a-z, 0-9 and hyphens'],
    ['draft_evaders', '"draft_evaders" has U+005F LOW LINE at position 6; ids are ASCII a-z, 0-9 and hyphens'],
    [
      'zero\u200bwidth',
      '"zero\u200bwidth" has U+200B ZERO WIDTH SPACE at position 5; ids are ASCII a-z, 0-9 and hyphens',
    ],
    ['café', '"café" has U+00E9 LATIN SMALL LETTER E WITH ACUTE at position 4; ids are ASCII a-z, 0-9 and hyphens'],
    // a character outside the Basic Multilingual Plane counts as one position
    ['x😀y!', '"x😀y!" has U+1F600 GRINNING FACE at position 2; ids are ASCII a-z, 0-9 and hyphens'],
    ['', 'the name is empty; ids are ASCII a-z, 0-9 and hyphens'],
    ['-evaders', '"-evaders" starts with a hyphen; ids start and end with a letter or digit'],
    ['evaders-', '"evaders-" ends with a hyphen; ids start and end with a letter or digit'],
    ['draft--evaders', '"draft--evaders" has two hyphens in a row at position 6; ids use single hyphens'],
  ])('%j is refused: %s', (id, message) => {
    expect(explainBadId(id)).toBe(message);
  });

  it.each(['deserters', 'report-2022', 'qd-9', '2023'])('%j is an id', (id) => {
    expect(explainBadId(id)).toBeNull();
  });

  it('names a control character by its code point even without a Unicode name', () => {
    expect(describeCharacter('\u0001')).toMatch(/^U\+0001\b/);
  });
});

describe('explainBadMonth', () => {
  it.each(['2024-04', '2023-12', '2000-01'])('%s is an edition month', (month) => {
    expect(explainBadMonth(month)).toBeNull();
  });

  it.each(['2024-13', '2024-00', '2024-4', '2024-04-01', '24-04', ''])('%j is not', (month) => {
    expect(explainBadMonth(month)).toBe(`the edition folder "${month}" is not a month written as yyyy-mm`);
  });

  it('names a look-alike character in the folder name', () => {
    expect(explainBadMonth('2024‐04')).toBe(
      'the edition folder "2024‐04" is not a month written as yyyy-mm (it has U+2010 HYPHEN at position 5)',
    );
  });
});

describe('parseProfilePath', () => {
  it('splits a well-formed path into country, month and profile', () => {
    expect(parseProfilePath('syria/2024-04/deserters.mdx')).toEqual({
      country: 'syria',
      month: '2024-04',
      profile: 'deserters',
    });
  });

  it('refuses an uppercase country folder as an invalid file name', () => {
    expect(parseProfilePath('Syria/2024-04/deserters.mdx')).toEqual(
      expect.objectContaining({
        rule: 'invalid-file-name',
        message:
          'country folder: "Syria" has U+0053 LATIN CAPITAL LETTER S at position 1; ids are ASCII a-z, 0-9 and hyphens',
      }),
    );
  });

  it('refuses a profile named like a country page, whose URL the page already takes', () => {
    expect(parseProfilePath('syria/2025-12/review.mdx')).toEqual(
      expect.objectContaining({ rule: 'invalid-file-name', message: expect.stringContaining('/syria/review/') }),
    );
    expect(parseProfilePath('syria/2025-12/reviewers.mdx')).toEqual(expect.objectContaining({ profile: 'reviewers' }));
  });

  it('refuses a month folder that is no month', () => {
    expect(parseProfilePath('syria/2024-13/deserters.mdx')).toEqual(
      expect.objectContaining({
        rule: 'invalid-file-name',
        message: 'the edition folder "2024-13" is not a month written as yyyy-mm',
      }),
    );
  });

  it('refuses a profile file named ".mdx" or "..mdx"', () => {
    expect(parseProfilePath('syria/2024-04/.mdx')).toEqual(
      expect.objectContaining({
        rule: 'invalid-file-name',
        message: 'file name: the name is empty; ids are ASCII a-z, 0-9 and hyphens',
      }),
    );
    expect(parseProfilePath('syria/2024-04/..mdx')).toEqual(
      expect.objectContaining({
        rule: 'invalid-file-name',
        message: 'file name: "." has U+002E FULL STOP at position 1; ids are ASCII a-z, 0-9 and hyphens',
      }),
    );
  });

  it('refuses a file outside the three-level layout as an unknown file', () => {
    expect(parseProfilePath('syria/deserters.mdx')).toEqual(expect.objectContaining({ rule: 'unknown-file' }));
    expect(parseProfilePath('syria/2024-04/extra/deserters.mdx')).toEqual(
      expect.objectContaining({ rule: 'unknown-file' }),
    );
  });
});
