import { describe, expect, it } from 'vitest';
import { checkFixture, edit, FILES, ofRule } from '../support/corpus-fixture.ts';

/** A judgment with numbered paragraphs, footnotes and operative points, but no pages. */
const JUDGMENT = `type: legal_case
title: A v Testland
shortTitle: A v Testland
author: [{ literal: Fictional Court }]
issued: "2021-05-04"
structure: { paragraphs: 52, footnotes: 10, points: 3 }
description: A fictional judgment.
access: read
`;

/** Rewrites the locator of the report citation in deserters.mdx (line 29, "@" at column 42). */
const deserterLocator = (locator: string) => ({
  [FILES.deserters]: edit('[@report-2022, sec. 2, pp. 12-13]', `[@report-2022, ${locator}]`),
});

/** Adds the judgment, cited after the report in evaders.mdx 2023-01 (line 14, its "@" at column 42). */
const judgmentCited = (locator: string) => ({
  'sources/judgment.yaml': JUDGMENT,
  [FILES.evaders2023]: edit(
    '[@report-2022, p. 15]',
    `[@report-2022, p. 15; @judgment${locator ? `, ${locator}` : ''}]`,
  ),
});

describe('bad-locator', () => {
  it('a page beyond the source fails at the citation, with the valid pages in the hint', () => {
    expect(ofRule(checkFixture(deserterLocator('p. 41')), 'bad-locator')).toEqual([
      {
        file: 'profiles/testland/2023-01/deserters.mdx',
        line: 29,
        column: 42,
        severity: 'error',
        rule: 'bad-locator',
        message: '@report-2022, p. 41: page 41 is outside the source (pages 1-40)',
        hint: 'valid pages are 1 to 40',
      },
    ]);
  });

  it("a page range outside the cited section's pages fails, naming the section's pages", () => {
    const [p] = ofRule(checkFixture(deserterLocator('sec. 1, pp. 12-13')), 'bad-locator');
    expect(p).toMatchObject({
      line: 29,
      column: 42,
      message: '@report-2022, sec. 1, pp. 12-13: pages 12-13 are outside section 1',
      hint: 'that section runs from page 1 to 10',
    });
  });

  it('a page inside the cited section passes', () => {
    expect(ofRule(checkFixture(deserterLocator('sec. 1, p. 10')), 'bad-locator')).toEqual([]);
  });

  it('an unknown section fails and the hint lists the valid sections', () => {
    const [p] = ofRule(checkFixture(deserterLocator('sec. 3, p. 12')), 'bad-locator');
    expect(p).toMatchObject({
      line: 29,
      column: 42,
      message: '@report-2022, sec. 3, p. 12: section 3 does not exist in the source',
      hint: 'sections are: 1, 2',
    });
  });

  it('an article that is not registered fails, listing the registered articles', () => {
    const problems = checkFixture({ [FILES.deserters]: edit('[@eu-qd, art. 9]', '[@eu-qd, art. 12]') });
    expect(ofRule(problems, 'bad-locator')).toEqual([
      expect.objectContaining({
        line: 34,
        column: 16,
        message: "@eu-qd, art. 12: article 12 is not among the source's articles",
        hint: 'registered articles: 9, 10',
      }),
    ]);
  });

  it.each([
    // paragraphs 1-52
    ['para. 53', 'paragraph 53 is outside the source (paragraphs 1-52)'],
    ['paras. 50-53', 'paragraph 50-53 is outside the source (paragraphs 1-52)'],
    // footnotes 1-10
    ['fn. 11', 'footnote 11 is outside the source (footnotes 1-10)'],
    // operative points 1-3
    ['pt. 4', 'point 4 is outside the source (points 1-3)'],
    // the judgment has no pages at all
    ['p. 3', 'the source has no numbered pages'],
  ])('"%s" beyond a judgment\'s structure fails', (locator, message) => {
    expect(ofRule(checkFixture(judgmentCited(locator)), 'bad-locator')).toEqual([
      expect.objectContaining({
        file: 'profiles/testland/2023-01/evaders.mdx',
        line: 14,
        column: 42,
        message: `@judgment, ${locator}: ${message}`,
      }),
    ]);
  });

  it.each(['para. 52', 'paras. 1-52', 'fn. 10', 'pt. 3'])('"%s" within a judgment\'s structure passes', (locator) => {
    expect(ofRule(checkFixture(judgmentCited(locator)), 'bad-locator')).toEqual([]);
  });

  it("a paragraph outside an excerpt's paragraph range fails, naming the range", () => {
    const problems = checkFixture({
      'sources/judgment.yaml': JUDGMENT.replace('paragraphs: 52', 'paragraphs: [167, 174]'),
      [FILES.evaders2023]: edit('[@report-2022, p. 15]', '[@report-2022, p. 15; @judgment, para. 166]'),
    });
    expect(ofRule(problems, 'bad-locator')).toEqual([
      expect.objectContaining({
        line: 14,
        column: 42,
        message: '@judgment, para. 166: paragraph 166 is outside the source (paragraphs 167-174)',
        hint: 'valid paragraphs are 167 to 174',
      }),
    ]);
  });

  it('a pinpoint to a source without structure fails, since it cannot be checked', () => {
    const problems = checkFixture({ [FILES.evaders2024]: edit('[@news-2024]', '[@news-2024, p. 3]') });
    expect(ofRule(problems, 'bad-locator')).toEqual([
      expect.objectContaining({
        file: 'profiles/testland/2024-06/evaders.mdx',
        line: 13,
        column: 35,
        message: '@news-2024, p. 3: the source has no registered structure, so a pinpoint cannot be checked',
      }),
    ]);
  });

  it('a citation without a pinpoint to a source with structure fails', () => {
    const problems = checkFixture({ [FILES.evaders2023]: edit('[@report-2022, p. 15]', '[@report-2022]') });
    expect(ofRule(problems, 'bad-locator')).toEqual([
      expect.objectContaining({
        line: 14,
        column: 21,
        message:
          '@report-2022: the citation gives no pinpoint, but the source has pages, sections, paragraphs or articles',
      }),
    ]);
  });

  it('a whole-source citation to a source without structure passes', () => {
    // news-2024 has no structure and is cited as [@news-2024] in the valid fixture
    expect(ofRule(checkFixture(), 'bad-locator')).toEqual([]);
  });

  it.each([
    // a label must be one of the abbreviations, with its dot
    [
      'page 8',
      'cannot read the pinpoint "page 8"',
      'use p./pp., sec., para./paras., art./arts., fn., pt./pts. or ind./inds. (an indent of a point), e.g. "sec. VI, pp. 8-9"',
    ],
    // "pp." is for ranges only
    ['pp. 8', '"pp." needs a range such as "pp. 8-9"', 'for one page write "p. 8"'],
    // "p." is for one page only
    ['p. 8-9', '"p." names one page', 'for a range write "pp. 8-9"'],
  ])('an unreadable locator "%s" fails with a hint on how to write it', (locator, message, hint) => {
    expect(ofRule(checkFixture(deserterLocator(locator)), 'bad-locator')).toEqual([
      expect.objectContaining({ line: 29, column: 42, message: `@report-2022, ${locator}: ${message}`, hint }),
    ]);
  });

  it('a locator on a citation of an unknown source is left to unknown-source', () => {
    const problems = checkFixture({
      [FILES.deserters]: edit('[@report-2022, sec. 2, pp. 12-13]', '[@report-2021, p. 99]'),
    });
    expect(ofRule(problems, 'bad-locator')).toEqual([]);
    expect(ofRule(problems, 'unknown-source')).toHaveLength(1);
  });
});
