import { describe, expect, it } from 'vitest';
import { CHECKS, checkContent, runChecks } from '../../../src/checks/index.ts';
import type { Corpus } from '../../../src/corpus/corpus.ts';
import { checkFixture, edit, FILES, loadFixture, where, writeFixture } from '../support/corpus-fixture.ts';

describe('runChecks', () => {
  it('reports every problem of a corpus with several different errors in one run, by file, root causes first', () => {
    const problems = checkFixture({
      [FILES.deserters]: (t) =>
        edit(
          '[@report-2022, sec. 2, pp. 12-13]',
          '[@report-2022, sec. 2, pp. 12-99]',
        )(edit('[@eu-qd, art. 9]', '[@eu-qdd, art. 9]')(t)),
      [FILES.evaders2024]: edit(' [@news-2024].', '.'),
      [FILES.edition2023]: edit('supersededOn: "2024-06-01"\n', ''),
      [FILES.news]: edit('type: article-newspaper', 'type: newspaper'),
      [FILES.archive]: null,
    });
    expect(where(problems)).toEqual([
      'editions/testland-2023-01.yaml:10:15 edition-chain',
      'profiles/testland/2023-01/deserters.mdx:29:42 bad-locator',
      'profiles/testland/2023-01/deserters.mdx:34:16 unknown-source',
      'profiles/testland/2024-06/evaders.mdx:12:1 uncited-finding',
      'sources/news-2024.yaml:1:7 invalid-field', // a root cause, before what follows in the same file
      'sources/news-2024.yaml:1:1 orphan-source', // its only citation was removed above
      'sources/report-2022.yaml:13:18 archive-mismatch',
    ]);
  });

  it('reports a check that throws as an error, and still runs the other checks', () => {
    const corpus = loadFixture({
      'sources/unused.yaml':
        'type: report\ntitle: U\nshortTitle: U\nauthor: [{ literal: U }]\nissued: "2020"\ndescription: U.\naccess: read\n',
    });
    const exploding = (): never => {
      throw new Error('boom');
    };
    CHECKS.unshift(exploding);
    try {
      const problems = runChecks(corpus);
      expect(problems).toContainEqual(
        expect.objectContaining({
          severity: 'error',
          line: 1,
          column: 1,
          message: 'the check exploding could not run: boom',
        }),
      );
      expect(problems).toContainEqual(expect.objectContaining({ rule: 'orphan-source', file: 'sources/unused.yaml' }));
    } finally {
      CHECKS.splice(CHECKS.indexOf(exploding), 1);
    }
  });

  it('reports every check that throws on a malformed corpus instead of crashing', () => {
    const malformed = {
      contentDir: '/nowhere',
      countries: new Map(),
      editions: new Map(),
      sources: new Map(),
      provisions: new Map(),
      profiles: [null],
      problems: [],
    } as unknown as Corpus;
    const problems = runChecks(malformed);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.severity).toBe('error');
      expect(p.message).toMatch(/^the check check\w+ could not run: /);
    }
  });

  it('keeps the problems met while loading (syntax, schema) in the report', () => {
    const corpus = loadFixture({ [FILES.news]: edit('type: article-newspaper', 'type: newspaper') });
    expect(runChecks(corpus)).toEqual(expect.arrayContaining(corpus.problems));
  });
});

describe('checkContent', () => {
  it('loads and checks a content folder in one call, with paths relative to the given root', () => {
    const dir = writeFixture({ [FILES.evaders2024]: edit(' [@news-2024].', '.') });
    const { corpus, problems } = checkContent(dir, dir);
    expect(corpus.profiles).toHaveLength(3);
    expect(where(problems)).toEqual([
      'profiles/testland/2024-06/evaders.mdx:12:1 uncited-finding',
      'sources/news-2024.yaml:1:1 orphan-source',
    ]);
  });
});
