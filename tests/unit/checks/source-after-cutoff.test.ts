import { describe, expect, it } from 'vitest';
import { checkFixture, edit, FILES, ofRule } from '../support/corpus-fixture.ts';

/** Cites news-2024 after the report in evaders.mdx of the 2023-01 edition (line 14, its "@" at column 42). */
const newsCitedIn2023 = { [FILES.evaders2023]: edit('[@report-2022, p. 15]', '[@report-2022, p. 15; @news-2024]') };

/** Sets the issued date of news-2024, which the 2024-06 edition (sourcesUpTo 2024-06-01) cites. */
const newsIssued = (issued: string) => ({ [FILES.news]: edit('issued: "2024-03-02"', `issued: "${issued}"`) });

describe('source-after-cutoff', () => {
  it("a finding citing a source published after its edition's cut-off fails at the citation, with both dates", () => {
    expect(ofRule(checkFixture(newsCitedIn2023), 'source-after-cutoff')).toEqual([
      {
        file: 'profiles/testland/2023-01/evaders.mdx',
        line: 14,
        column: 42,
        severity: 'error',
        rule: 'source-after-cutoff',
        message: "@news-2024 was published 2 March 2024, after this edition's sources cut-off (20 January 2023)",
        hint: 'cite it in a later edition, or cite a source this edition could rely on',
      },
    ]);
  });

  it('a source published on the cut-off day passes', () => {
    expect(ofRule(checkFixture(newsIssued('2024-06-01')), 'source-after-cutoff')).toEqual([]);
  });

  it('a source published the day after the cut-off fails', () => {
    expect(ofRule(checkFixture(newsIssued('2024-06-02')), 'source-after-cutoff')).toHaveLength(1);
  });

  it('a month-only issued date in the cut-off month is accepted (it may mean the 1st)', () => {
    expect(ofRule(checkFixture(newsIssued('2024-06')), 'source-after-cutoff')).toEqual([]);
  });

  it('a month-only issued date in the month after the cut-off fails, written out as a month', () => {
    const [p] = ofRule(checkFixture(newsIssued('2024-07')), 'source-after-cutoff');
    expect(p.message).toBe("@news-2024 was published July 2024, after this edition's sources cut-off (1 June 2024)");
  });

  it('a year-only issued date in the cut-off year is accepted', () => {
    expect(ofRule(checkFixture(newsIssued('2024')), 'source-after-cutoff')).toEqual([]);
  });

  it('the same source cited in a later edition passes', () => {
    // news-2024 is cited by the 2024-06 edition in the valid fixture
    expect(ofRule(checkFixture(), 'source-after-cutoff')).toEqual([]);
  });
});
