import { describe, expect, it } from 'vitest';
import {
  citation,
  curlyQuotes,
  fillAccessed,
  localDay,
  oscolaCitation,
  plainCitation,
  type CitationTarget,
} from '../../../src/shared/citation.ts';

const page: CitationTarget = {
  country: 'Syria',
  profile: 'Military deserters and defectors',
  edition: { label: 'April 2024', published: '2024-04-15' },
  url: 'https://g.org/syria/2024-04/deserters/',
};
const conclusion: CitationTarget = {
  ...page,
  item: { kind: 'conclusion', title: 'Level of risk' },
  url: `${page.url}#conclusion-risk`,
};
const finding: CitationTarget = {
  ...page,
  item: { kind: 'finding', title: 'Desertion penalties' },
  url: `${page.url}#finding-desertion-penalties`,
};

describe('a plain citation', () => {
  it('names the product, country, profile, edition with its full date, the permalink and the day accessed', () => {
    expect(plainCitation(page, '2026-12-01')).toBe(
      'Country Guidance, Syria: Military deserters and defectors. April 2024 edition, 15 April 2024. https://g.org/syria/2024-04/deserters/ (accessed 1 December 2026).',
    );
  });

  it('names the conclusion or finding it cites, and links to its anchor', () => {
    expect(plainCitation(conclusion, '2026-12-01')).toContain(
      'defectors. Conclusion: Level of risk. April 2024 edition',
    );
    expect(plainCitation(conclusion, '2026-12-01')).toContain('/2024-04/deserters/#conclusion-risk (accessed');
    expect(plainCitation(finding)).toContain('Finding: Desertion penalties.');
  });

  it('says "accessed [date]" until the reader\'s day is known', () => {
    expect(plainCitation(page)).toMatch(/\(accessed \[date\]\)\.$/);
  });
});

describe('an OSCOLA citation of a web page', () => {
  it("is 'Title' (Website, edition, date) pinpoint <URL> accessed date: one bracket level, no comma before the pinpoint", () => {
    expect(oscolaCitation(conclusion, '2026-12-01')).toBe(
      '‘Syria: Military deserters and defectors’ (Country Guidance, April 2024 edition, 15 April 2024) conclusion ‘Level of risk’ <https://g.org/syria/2024-04/deserters/#conclusion-risk> accessed 1 December 2026.',
    );
    expect(oscolaCitation(page)).toBe(
      '‘Syria: Military deserters and defectors’ (Country Guidance, April 2024 edition, 15 April 2024) <https://g.org/syria/2024-04/deserters/> accessed [date].',
    );
  });

  it('names the responsible organisation as author when the site has one', () => {
    expect(oscolaCitation({ ...page, author: 'Refugee Law Centre' })).toMatch(
      /^Refugee Law Centre, ‘Syria: Military deserters and defectors’ \(Country Guidance, /,
    );
  });

  it('puts no bracket inside its brackets, and uses curly quotes throughout', () => {
    const text = oscolaCitation({
      ...finding,
      profile: "Members of the army's reserve",
      edition: { label: 'June 2025 (interim)', published: '2025-06-25' },
      item: { kind: 'finding', title: "The 'general amnesty' of 2024" },
    });
    expect(text).toContain('(Country Guidance, June 2025 interim edition, 25 June 2025) finding');
    expect(text).toContain('‘Syria: Members of the army’s reserve’');
    expect(text).toContain('‘The ‘general amnesty’ of 2024’');
    expect(text).not.toMatch(/'|"/);
    expect(text.replace(/<[^>]*>/, '')).not.toMatch(/\([^)]*\(/);
  });

  it('is chosen by style name', () => {
    expect(citation('oscola', finding)).toBe(oscolaCitation(finding));
    expect(citation('plain', finding)).toBe(plainCitation(finding));
  });
});

describe('curlyQuotes', () => {
  it('turns apostrophes into ’ and opening quotes into ‘ or “', () => {
    expect(curlyQuotes(`Assad's 'amnesty' and "reserve"`)).toBe('Assad’s ‘amnesty’ and “reserve”');
  });
});

describe('the day accessed', () => {
  it('is filled into a citation rendered without it', () => {
    for (const style of ['plain', 'oscola'] as const) {
      expect(fillAccessed(citation(style, conclusion), '2026-12-01')).toBe(citation(style, conclusion, '2026-12-01'));
    }
  });

  it("is the reader's local calendar day", () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
