import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listContentFiles, readContentText } from '../../../src/corpus/content-files.ts';
import { loadCorpus } from '../../../src/corpus/corpus.ts';
import type { Problem } from '../../../src/corpus/problem.ts';
import { writeFixture } from '../support/corpus-fixture.ts';

// Running as root, a permission error cannot be provoked; EISDIR and ENOENT go through the same path.
describe('unreadable-file: file-system errors are located problems, never crashes', () => {
  it('reading a folder as a file gives the error code at 1:1 of that path', () => {
    const dir = writeFixture();
    mkdirSync(join(dir, 'sources/odd.yaml'));
    const problems: Problem[] = [];
    expect(readContentText(join(dir, 'sources/odd.yaml'), 'sources/odd.yaml', problems)).toBeNull();
    expect(problems).toEqual([
      {
        file: 'sources/odd.yaml',
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'unreadable-file',
        message: 'cannot read the file: EISDIR: illegal operation on a directory, read',
        hint: 'check that it is a plain file (or folder) the build can read',
      },
    ]);
  });

  it('a content folder that does not exist is a problem, not an empty, passing corpus', () => {
    const dir = writeFixture();
    const problems: Problem[] = [];
    listContentFiles(join(dir, 'missing'), dir, problems);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'missing',
        rule: 'unreadable-file',
        message: expect.stringMatching(/^cannot read the folder: ENOENT/),
      }),
    ]);
  });

  it('loading a corpus from a missing folder reports it instead of throwing', () => {
    const dir = writeFixture();
    expect(loadCorpus(join(dir, 'missing'), dir).problems.map((p) => p.rule)).toEqual(['unreadable-file']);
  });
});
