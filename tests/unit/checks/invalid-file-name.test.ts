import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFixture, edit, FILES, loadFixture, ofRule, VALID, type Changes } from '../support/corpus-fixture.ts';

/** Moves a file of the valid fixture to another name. */
const rename = (from: string, to: string): Changes => ({ [from]: null, [to]: readFileSync(join(VALID, from), 'utf8') });

const RULE = 'ids are ASCII a-z, 0-9 and hyphens';

describe('invalid-file-name', () => {
  it('a source file named with a Cyrillic look-alike letter fails at 1:1, naming the character', () => {
    const problems = checkFixture(rename(FILES.news, 'sources/nеws-2024.yaml'));
    expect(ofRule(problems, 'invalid-file-name')).toEqual([
      {
        file: 'sources/nеws-2024.yaml',
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'invalid-file-name',
        message: `file name: "nеws-2024" has U+0435 CYRILLIC SMALL LETTER IE at position 2; ${RULE}`,
        hint: 'rename the file: its name is the id that other content refers to',
      },
    ]);
  });

  it('a look-alike source id cannot take a citation written with the same look-alike', () => {
    const corpus = loadFixture({
      ...rename(FILES.news, 'sources/nеws-2024.yaml'),
      [FILES.evaders2024]: edit('[@news-2024]', '[@nеws-2024]'),
    });
    expect([...corpus.sources.keys()]).not.toContain('nеws-2024');
    expect(ofRule(corpus.problems, 'invalid-file-name')).toHaveLength(1);
  });

  it.each([
    [
      'an uppercase source id',
      'sources/News-2024.yaml',
      `"News-2024" has U+004E LATIN CAPITAL LETTER N at position 1; ${RULE}`,
    ],
    ['a source named "...yaml" (id "..")', 'sources/...yaml', `".." has U+002E FULL STOP at position 1; ${RULE}`],
    ['a space in the name', 'sources/news 2024.yaml', `"news 2024" has U+0020 SPACE at position 5; ${RULE}`],
    ['a dot in the name', 'sources/news.2024.yaml', `"news.2024" has U+002E FULL STOP at position 5; ${RULE}`],
    ['an empty name', 'sources/.yaml', `the name is empty; ${RULE}`],
    [
      'a double hyphen',
      'sources/news--2024.yaml',
      '"news--2024" has two hyphens in a row at position 5; ids use single hyphens',
    ],
  ])('%s fails', (_, to, message) => {
    const problems = checkFixture(rename(FILES.news, to));
    expect(ofRule(problems, 'invalid-file-name')).toEqual([
      expect.objectContaining({ file: to, line: 1, column: 1, message: `file name: ${message}` }),
    ]);
  });

  it('an uppercase country, law or edition file name fails like a source', () => {
    const problems = checkFixture({
      ...rename(FILES.country, 'countries/Testland.yaml'),
      ...rename(FILES.qd9, 'law/QD-9.yaml'),
      ...rename(FILES.edition2024, 'editions/testland-2024-O6.yaml'),
    });
    expect(ofRule(problems, 'invalid-file-name').map((p) => p.file)).toEqual([
      'countries/Testland.yaml',
      'editions/testland-2024-O6.yaml',
      'law/QD-9.yaml',
    ]);
  });

  it('a profile file named with a look-alike letter fails, and the profile is not loaded', () => {
    const corpus = loadFixture(rename(FILES.evaders2024, 'profiles/testland/2024-06/evaderѕ.mdx'));
    expect(ofRule(corpus.problems, 'invalid-file-name')).toEqual([
      expect.objectContaining({
        file: 'profiles/testland/2024-06/evaderѕ.mdx',
        line: 1,
        column: 1,
        message: `file name: "evaderѕ" has U+0455 CYRILLIC SMALL LETTER DZE at position 7; ${RULE}`,
        hint: 'rename the file: its name is the profile id, used in URLs and citations',
      }),
    ]);
    expect(corpus.profiles.map((p) => p.profile)).not.toContain('evaderѕ');
  });

  it('an uppercase country folder fails', () => {
    const problems = checkFixture(rename(FILES.evaders2024, 'profiles/Testland/2024-06/evaders.mdx'));
    expect(ofRule(problems, 'invalid-file-name')).toEqual([
      expect.objectContaining({
        message: `country folder: "Testland" has U+0054 LATIN CAPITAL LETTER T at position 1; ${RULE}`,
      }),
    ]);
  });

  it('an edition folder that is not a real month fails', () => {
    const problems = checkFixture(rename(FILES.evaders2024, 'profiles/testland/2024-13/evaders.mdx'));
    expect(ofRule(problems, 'invalid-file-name')).toEqual([
      expect.objectContaining({
        file: 'profiles/testland/2024-13/evaders.mdx',
        message: 'the edition folder "2024-13" is not a month written as yyyy-mm',
      }),
    ]);
  });

  it('an id in a field is held to the same grammar, and its message names the character too', () => {
    const problems = checkFixture({ [FILES.deserters]: edit('related: [evaders]', 'related: [evaderѕ]') });
    expect(ofRule(problems, 'invalid-field')).toEqual([
      expect.objectContaining({
        file: FILES.deserters,
        line: 22,
        column: 11,
        message: `related.0: "evaderѕ" has U+0455 CYRILLIC SMALL LETTER DZE at position 7; ${RULE}`,
      }),
    ]);
  });

  it('the valid fixture has no invalid file name', () => {
    expect(ofRule(checkFixture(), 'invalid-file-name')).toEqual([]);
  });
});
