import { describe, expect, it } from 'vitest';
import { checkFixture, ofRule, where } from '../support/corpus-fixture.ts';

const HINT =
  'content/ holds only the folders countries, editions, sources, law, profiles, archive and published-urls.txt; move it out of content/ (system files such as .DS_Store too)';

describe('unknown-file: content/ holds content files only', () => {
  it('a README at the top of content/ fails at 1:1', () => {
    expect(ofRule(checkFixture({ 'README.md': '# notes\n' }), 'unknown-file')).toEqual([
      {
        file: 'README.md',
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'unknown-file',
        message: 'file "README.md" is not part of the content model',
        hint: HINT,
      },
    ]);
  });

  it('a .DS_Store fails wherever it is', () => {
    const problems = checkFixture({
      '.DS_Store': 'x',
      'sources/.DS_Store': 'x',
      'profiles/testland/2023-01/.DS_Store': 'x',
    });
    expect(where(ofRule(problems, 'unknown-file'))).toEqual([
      '.DS_Store:1:1 unknown-file',
      'profiles/testland/2023-01/.DS_Store:1:1 unknown-file',
      'sources/.DS_Store:1:1 unknown-file',
    ]);
  });

  it('a folder that is not a content folder fails once, at the folder', () => {
    const problems = checkFixture({ 'notes/a.yaml': 'x: 1\n', 'notes/b.yaml': 'x: 2\n' });
    expect(ofRule(problems, 'unknown-file')).toEqual([
      expect.objectContaining({ file: 'notes', message: 'folder "notes" is not part of the content model' }),
    ]);
  });

  it('an editor backup of a source fails rather than being skipped', () => {
    expect(where(ofRule(checkFixture({ 'sources/news-2024.yaml~': 'x' }), 'unknown-file'))).toEqual([
      'sources/news-2024.yaml~:1:1 unknown-file',
    ]);
  });

  it('any file under archive/ is accepted: stored copies come in every format', () => {
    expect(ofRule(checkFixture({ 'archive/scan.pdf': '%PDF-1.7\n' }), 'unknown-file')).toEqual([]);
  });

  it('the valid fixture has no unknown file', () => {
    expect(ofRule(checkFixture(), 'unknown-file')).toEqual([]);
  });
});

describe('unknown-file: the record of published URLs', () => {
  it('is the one file allowed at the top of content/, and only there', () => {
    const problems = checkFixture({ 'published-urls.txt': '/\n', 'sources/published-urls.txt': '/\n' });
    expect(ofRule(problems, 'unknown-file').map((p) => p.file)).toEqual(['sources/published-urls.txt']);
  });
});
