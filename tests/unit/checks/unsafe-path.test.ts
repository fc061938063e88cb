import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runChecks } from '../../../src/checks/index.ts';
import { loadCorpus } from '../../../src/corpus/corpus.ts';
import { edit, FILES, ofRule, VALID, where, writeFixture } from '../support/corpus-fixture.ts';

/** A file outside every content folder, as a secret on the build machine would be. */
function outsideFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cg-outside-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'secret.yaml');
  writeFileSync(file, readFileSync(join(VALID, FILES.news)));
  return file;
}

/** Loads and checks a fixture after `arrange` changed its folder; loading must not throw. */
function checkAfter(arrange: (dir: string) => void, changes = {}) {
  const dir = writeFixture(changes);
  arrange(dir);
  return runChecks(loadCorpus(dir, dir));
}

const linkProblem = (file: string) => ({
  file,
  line: 1,
  column: 1,
  severity: 'error',
  rule: 'unsafe-path',
  message: `${file.split('/').pop()} is a symbolic link; content must be plain files inside the content folder`,
  hint: 'replace the link with a copy of the file it points to (links are never followed)',
});

describe('unsafe-path: symbolic links under content/ are refused where they stand, never followed', () => {
  it('a link to a file outside content/ fails at the link, and its target is not loaded', () => {
    const secret = outsideFile();
    const problems = checkAfter((dir) => symlinkSync(secret, join(dir, 'sources/leak.yaml')));
    expect(ofRule(problems, 'unsafe-path')).toEqual([linkProblem('sources/leak.yaml')]);
  });

  it('a link to a file inside content/ fails too', () => {
    const problems = checkAfter((dir) => symlinkSync(join(dir, FILES.news), join(dir, 'sources/news-copy.yaml')));
    expect(ofRule(problems, 'unsafe-path')).toEqual([linkProblem('sources/news-copy.yaml')]);
  });

  it('a relative link climbing out with .. fails', () => {
    const problems = checkAfter((dir) => symlinkSync('../../../etc/passwd', join(dir, 'archive/passwd.txt')));
    expect(ofRule(problems, 'unsafe-path')).toEqual([linkProblem('archive/passwd.txt')]);
  });

  it('a dangling link fails without a crash', () => {
    const problems = checkAfter((dir) => symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'sources/dangling.yaml')));
    expect(ofRule(problems, 'unsafe-path')).toEqual([linkProblem('sources/dangling.yaml')]);
  });

  it('a looping link fails without a crash', () => {
    const problems = checkAfter((dir) => {
      symlinkSync(join(dir, 'profiles/testland/2023-01/b.mdx'), join(dir, 'profiles/testland/2023-01/a.mdx'));
      symlinkSync(join(dir, 'profiles/testland/2023-01/a.mdx'), join(dir, 'profiles/testland/2023-01/b.mdx'));
    });
    expect(where(ofRule(problems, 'unsafe-path'))).toEqual([
      'profiles/testland/2023-01/a.mdx:1:1 unsafe-path',
      'profiles/testland/2023-01/b.mdx:1:1 unsafe-path',
    ]);
  });

  it('a linked folder fails at the folder and is not walked', () => {
    const problems = checkAfter((dir) =>
      symlinkSync(join(dir, 'profiles/testland/2023-01'), join(dir, 'profiles/testland/2025-01')),
    );
    expect(where(ofRule(problems, 'unsafe-path'))).toEqual(['profiles/testland/2025-01:1:1 unsafe-path']);
    expect(ofRule(problems, 'unknown-edition')).toEqual([]);
  });

  it('a linked top folder (content/sources itself) fails', () => {
    const problems = checkAfter((dir) => {
      mkdirSync(join(dir, 'elsewhere'));
      execFileSync('mv', [join(dir, 'law'), join(dir, 'elsewhere/law')]);
      symlinkSync(join(dir, 'elsewhere/law'), join(dir, 'law'));
    });
    expect(where(ofRule(problems, 'unsafe-path'))).toEqual(['law:1:1 unsafe-path']);
  });

  it('a named pipe fails instead of hanging the build', () => {
    const problems = checkAfter((dir) => execFileSync('mkfifo', [join(dir, 'sources/pipe.yaml')]));
    expect(ofRule(problems, 'unsafe-path')).toEqual([
      expect.objectContaining({
        file: 'sources/pipe.yaml',
        message: 'pipe.yaml is a named pipe; content must be plain files inside the content folder',
      }),
    ]);
  });
});

describe('unsafe-path: archive paths stay inside content/archive/', () => {
  const archivePath = (path: string) => ({ [FILES.report]: edit('path: archive/report-2022.txt', `path: ${path}`) });

  it.each([
    ['an absolute path', '/etc/passwd', 'the archive path /etc/passwd is absolute'],
    [
      'a path climbing out with ..',
      'archive/../../../etc/passwd',
      'the archive path archive/../../../etc/passwd has an empty, "." or ".." part',
    ],
    [
      'a path outside archive/',
      'sources/news-2024.yaml',
      'the archive path sources/news-2024.yaml is not inside archive/',
    ],
    ['a Windows path', '"archive\\\\report-2022.txt"', 'the archive path archive\\report-2022.txt uses backslashes'],
    ['a drive letter', '"C:/archive/report-2022.txt"', 'the archive path C:/archive/report-2022.txt is absolute'],
  ])('%s fails at the path, before anything is read', (_, path, message) => {
    const problems = checkAfter(() => {}, archivePath(path));
    expect(ofRule(problems, 'unsafe-path')).toEqual([
      expect.objectContaining({ file: FILES.report, line: 13, column: 18, message }),
    ]);
    expect(ofRule(problems, 'archive-mismatch')).toEqual([]);
  });

  it('a path through a linked folder inside archive/ fails (and the link itself is reported)', () => {
    const problems = checkAfter((dir) => {
      mkdirSync(join(dir, 'stash'));
      symlinkSync(join(dir, 'stash'), join(dir, 'archive/linked'));
    }, archivePath('archive/linked/report-2022.txt'));
    expect(ofRule(problems, 'unsafe-path').map((p) => p.message)).toEqual([
      'linked is a symbolic link; content must be plain files inside the content folder',
      'the archive path archive/linked/report-2022.txt passes through a symbolic link (linked)',
    ]);
  });

  it('a path to a folder is an unreadable file, not a crash', () => {
    const problems = checkAfter((dir) => mkdirSync(join(dir, 'archive/sub')), archivePath('archive/sub'));
    expect(ofRule(problems, 'unreadable-file')).toEqual([
      expect.objectContaining({
        file: FILES.report,
        line: 13,
        column: 18,
        message: 'the stored copy archive/sub cannot be read: EISDIR',
      }),
    ]);
  });
});
