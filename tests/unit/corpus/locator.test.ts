import { describe, expect, it } from 'vitest';
import { checkLocator, parseLocator, type LocatorPart } from '../../../src/corpus/locator.ts';

/** Parses a locator that must be readable. */
function parts(text: string): LocatorPart[] {
  const result = parseLocator(text);
  if (!result.ok) throw new Error(`unreadable locator in test: ${text}`);
  return result.parts;
}

describe('parseLocator: readable pinpoints', () => {
  describe.each([
    // the source as a whole
    { text: '', expected: [] },
    // one page
    { text: 'p. 8', expected: [{ kind: 'page', label: 'p.', from: '8' }] },
    // no space after the label
    { text: 'p.8', expected: [{ kind: 'page', label: 'p.', from: '8' }] },
    // a page range with a hyphen
    { text: 'pp. 8-9', expected: [{ kind: 'page', label: 'pp.', from: '8', to: '9' }] },
    // a page range with an en dash
    { text: 'pp. 8–9', expected: [{ kind: 'page', label: 'pp.', from: '8', to: '9' }] },
    // a section and pages inside it
    {
      text: 'sec. VI, pp. 8-9',
      expected: [
        { kind: 'section', label: 'sec.', from: 'VI' },
        { kind: 'page', label: 'pp.', from: '8', to: '9' },
      ],
    },
    // a dotted section number is one section, not a range
    { text: 'sec. 4.2.3', expected: [{ kind: 'section', label: 'sec.', from: '4.2.3' }] },
    // paragraphs of a judgment
    { text: 'para. 57', expected: [{ kind: 'paragraph', label: 'para.', from: '57' }] },
    { text: 'paras. 57-59', expected: [{ kind: 'paragraph', label: 'paras.', from: '57', to: '59' }] },
    // articles may carry a letter
    { text: 'art. 9a', expected: [{ kind: 'article', label: 'art.', from: '9a' }] },
    { text: 'arts. 100-101', expected: [{ kind: 'article', label: 'arts.', from: '100', to: '101' }] },
    // footnotes and operative points
    { text: 'fn. 3', expected: [{ kind: 'footnote', label: 'fn.', from: '3' }] },
    { text: 'pts. 1-2', expected: [{ kind: 'point', label: 'pts.', from: '1', to: '2' }] },
    // surrounding whitespace is ignored
    { text: '  p. 8  ', expected: [{ kind: 'page', label: 'p.', from: '8' }] },
  ])('"$text"', ({ text, expected }) => {
    it('is read into its parts', () => {
      expect(parseLocator(text)).toEqual({ ok: true, parts: expected });
    });
  });
});

describe('parseLocator: unreadable pinpoints', () => {
  describe.each([
    // the label must be an abbreviation with a dot
    {
      text: 'page 8',
      message: 'cannot read the pinpoint "page 8"',
      hint: 'use p./pp., sec., para./paras., art./arts., fn., pt./pts. or ind./inds. (an indent of a point), e.g. "sec. VI, pp. 8-9"',
    },
    // an abbreviation we do not know
    { text: 'sect. 4', message: 'cannot read the pinpoint "sect. 4"' },
    // labels are lower case
    { text: 'P. 8', message: 'cannot read the pinpoint "P. 8"' },
    // a plural label needs a range
    { text: 'pp. 8', message: '"pp." needs a range such as "pp. 8-9"', hint: 'for one page write "p. 8"' },
    {
      text: 'paras. 57',
      message: '"paras." needs a range such as "paras. 8-9"',
      hint: 'for one paragraph write "para. 57"',
    },
    // a singular label names one thing
    { text: 'p. 8-9', message: '"p." names one page', hint: 'for a range write "pp. 8-9"' },
    { text: 'art. 100-101', message: '"art." names one article', hint: 'for a range write "arts. 100-101"' },
    // footnotes have no plural label
    { text: 'fn. 3-4', message: '"fn." names one footnote', hint: 'cite each footnote separately' },
    // roman page numbers are not counted
    { text: 'p. viii', message: 'page numbers must be whole numbers, got "viii"' },
    // one kind of locator once
    { text: 'p. 8, p. 9', message: 'the pinpoint names pages twice', hint: 'give each kind of locator once' },
  ])('"$text"', ({ text, message, hint }) => {
    it('is rejected with a message and a hint', () => {
      const result = parseLocator(text);
      expect(result).toMatchObject({ ok: false, message, ...(hint ? { hint } : {}) });
    });
  });
});

const STRUCTURE = {
  pages: 40,
  sections: [
    { id: '1', pages: [1, 10] as [number, number] },
    { id: '2', pages: [11, 40] as [number, number] },
    { id: 'VI' },
  ],
  paragraphs: 52,
  articles: ['9', '10'],
  footnotes: 10,
  points: 3,
};

describe('checkLocator against a structure (40 pages; sections 1 = pp. 1-10, 2 = pp. 11-40, VI without pages; 52 paragraphs; articles 9, 10; 10 footnotes; 3 points)', () => {
  describe.each([
    // the last page
    { text: 'p. 40', messages: [] },
    // one page beyond the end
    { text: 'p. 41', messages: ['page 41 is outside the source (pages 1-40)'] },
    // pages start at 1
    { text: 'p. 0', messages: ['page 0 is outside the source (pages 1-40)'] },
    // a range running past the end
    { text: 'pp. 39-41', messages: ['page 39-41 is outside the source (pages 1-40)'] },
    // a range written backwards
    { text: 'pp. 9-8', messages: ['the page range 9-8 runs backwards'] },
    // pages inside the cited section
    { text: 'sec. 2, pp. 11-12', messages: [] },
    // pages straddling the end of the cited section
    { text: 'sec. 1, pp. 10-11', messages: ['pages 10-11 are outside section 1'] },
    // a section without page bounds cannot be checked against pages
    { text: 'sec. VI, p. 30', messages: [] },
    // a section that is not there (section IX of VIII)
    { text: 'sec. IX', messages: ['section IX does not exist in the source'] },
    // every problem of one pinpoint is reported
    {
      text: 'sec. 3, p. 41',
      messages: ['section 3 does not exist in the source', 'page 41 is outside the source (pages 1-40)'],
    },
    // paragraphs
    { text: 'para. 52', messages: [] },
    { text: 'para. 53', messages: ['paragraph 53 is outside the source (paragraphs 1-52)'] },
    // articles must be registered, both ends of a range
    { text: 'art. 9', messages: [] },
    { text: 'arts. 9-10', messages: [] },
    { text: 'art. 11', messages: ["article 11 is not among the source's articles"] },
    { text: 'arts. 10-9', messages: ['the article range 10-9 runs backwards'] },
    // footnotes and points
    { text: 'fn. 11', messages: ['footnote 11 is outside the source (footnotes 1-10)'] },
    { text: 'pt. 3', messages: [] },
    { text: 'pts. 2-4', messages: ['point 2-4 is outside the source (points 1-3)'] },
  ])('"$text"', ({ text, messages }) => {
    it(messages.length ? 'is outside the structure' : 'fits the structure', () => {
      expect(checkLocator(parts(text), STRUCTURE).map((p) => p.message)).toEqual(messages);
    });
  });

  it('names the valid sections in the hint for an unknown section', () => {
    expect(checkLocator(parts('sec. IX'), STRUCTURE)).toEqual([
      { message: 'section IX does not exist in the source', hint: 'sections are: 1, 2, VI' },
    ]);
  });

  it("names the section's pages in the hint for pages outside it", () => {
    expect(checkLocator(parts('sec. 1, p. 12'), STRUCTURE)[0].hint).toBe('that section runs from page 1 to 10');
  });
});

describe('checkLocator: sources with less structure', () => {
  describe.each([
    // a source without structure can only be cited as a whole
    { structure: undefined, text: '', messages: [] },
    {
      structure: undefined,
      text: 'p. 3',
      messages: ['the source has no registered structure, so a pinpoint cannot be checked'],
    },
    // a structured source needs a pinpoint
    {
      structure: { pages: 13 },
      text: '',
      messages: ['the citation gives no pinpoint, but the source has pages, sections, paragraphs or articles'],
    },
    // without a page count, the last page of the last section bounds pages
    {
      structure: { sections: [{ id: 'I', pages: [1, 10] as [number, number] }] },
      text: 'p. 11',
      messages: ['page 11 is outside the source (pages 1-10)'],
    },
    // an excerpt holding paragraphs 167-174 only
    { structure: { paragraphs: [167, 174] as [number, number] }, text: 'paras. 167-174', messages: [] },
    {
      structure: { paragraphs: [167, 174] as [number, number] },
      text: 'para. 166',
      messages: ['paragraph 166 is outside the source (paragraphs 167-174)'],
    },
    {
      structure: { paragraphs: [167, 174] as [number, number] },
      text: 'paras. 170-175',
      messages: ['paragraph 170-175 is outside the source (paragraphs 167-174)'],
    },
    // a kind of part the source does not have
    { structure: { pages: 13 }, text: 'para. 2', messages: ['the source has no numbered paragraphs'] },
    { structure: { pages: 13 }, text: 'art. 2', messages: ['the source has no articles'] },
    { structure: { pages: 13 }, text: 'sec. 2', messages: ['section 2 does not exist in the source'] },
  ])('$text with structure $structure', ({ structure, text, messages }) => {
    it(messages.length ? 'fails' : 'passes', () => {
      expect(checkLocator(parts(text), structure).map((p) => p.message)).toEqual(messages);
    });
  });

  it('says a source without sections has none, in the hint', () => {
    expect(checkLocator(parts('sec. 2'), { pages: 13 })[0].hint).toBe(
      'the source has no sections; add them to its structure',
    );
  });
});

describe('indents of an operative part', () => {
  const judgment = { points: 2, indents: { '1': 6 } };
  const check = (text: string) => {
    const r = parseLocator(text);
    if (!r.ok) throw new Error(r.message);
    return checkLocator(r.parts, judgment).map((p) => p.message);
  };

  it('accepts an indent that exists in the cited point', () => {
    expect(check('pt. 1, ind. 2')).toEqual([]);
    expect(check('pt. 1, inds. 4-5')).toEqual([]);
  });

  it('rejects an indent beyond those registered for the point', () => {
    expect(check('pt. 1, ind. 7')).toEqual(['indent 7 is not in point 1, which has 6']);
  });

  it('rejects an indent of a point that has none, or without a point', () => {
    expect(check('pt. 2, ind. 1')).toEqual(['point 2 has no registered indents']);
    expect(check('ind. 1')).toEqual(['an indent must follow a single point']);
  });

  it('rejects a point the operative part does not have', () => {
    expect(check('pt. 3')).toEqual(['point 3 is outside the source (points 1-2)']);
  });
});
