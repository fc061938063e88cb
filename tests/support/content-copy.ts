/**
 * Throwaway copies of fixture content with deliberate mistakes, for tests that run the real build or checker on
 * broken content. Copies live in tmp/ (git-ignored) and are removed after each test.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { onTestFinished } from 'vitest';
import { ROOT } from './run-build.ts';

export const VALID_FIXTURE = resolve(ROOT, 'tests/fixtures/valid');

export interface Position {
  line: number;
  column: number;
}

export interface ContentCopy {
  /** Absolute path of the copy. */
  dir: string;
  /**
   * Replaces the first occurrence of `from` in `file` (relative to the copy) with `to`, and returns where `mark`
   * (a part of `to`, by default all of it) now starts: 1-based line and column, the way the checks report them.
   */
  replace(file: string, from: string, to: string, mark?: string): Position;
}

/** Copies the valid fixture into a fresh folder under tmp/. */
export function copyValidFixture(): ContentCopy {
  mkdirSync(resolve(ROOT, 'tmp'), { recursive: true });
  const dir = mkdtempSync(resolve(ROOT, 'tmp/content-'));
  cpSync(VALID_FIXTURE, dir, { recursive: true });
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    replace(file, from, to, mark = to) {
      const path = join(dir, file);
      const text = readFileSync(path, 'utf8');
      const offset = text.indexOf(from);
      if (offset < 0) throw new Error(`${file} does not contain ${JSON.stringify(from)}; the fixture changed`);
      if (!to.includes(mark)) throw new Error(`${JSON.stringify(mark)} is not part of ${JSON.stringify(to)}`);
      const changed = text.slice(0, offset) + to + text.slice(offset + from.length);
      writeFileSync(path, changed);
      const before = changed.slice(0, offset + to.indexOf(mark)).split('\n');
      return { line: before.length, column: before[before.length - 1].length + 1 };
    },
  };
}
