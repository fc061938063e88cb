/**
 * Hostile or broken content FILES (names, links, bytes, dates) stop `npm run build` before anything is emitted,
 * located as `path:line:column  error  rule`, and `npm run check` reports the very same line: the check is never
 * weaker than the build. The corpus check runs in astro:config:setup, before Astro's loader or Vite reads content,
 * so nothing can be read first with bad bytes replaced by U+FFFD.
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { copyValidFixture, type ContentCopy, type Position } from '../support/content-copy.ts';
import { npmRun, ROOT } from '../support/run-build.ts';

const EVADERS_2024 = 'profiles/testland/2024-06/evaders.mdx';
const NEWS = 'sources/news-2024.yaml';
const REPORT = 'sources/report-2022.yaml';

/** Runs the real build and the checker on a broken copy; both must fail with the same located line. */
async function buildAndCheck(content: ContentCopy, file: string, at: Position, rule: string, message: string) {
  const outDir = mkdtempSync(resolve(ROOT, 'tmp/out-'));
  onTestFinished(() => rmSync(outDir, { recursive: true, force: true }));
  const build = await npmRun('build', { CG_CONTENT_DIR: content.dir, CG_OUT_DIR: outDir });
  const check = await npmRun('check', { CG_CONTENT_DIR: content.dir });
  const located = `${relative(ROOT, content.dir)}/${file}:${at.line}:${at.column}  error  ${rule}  ${message}`;
  expect(build.code, build.output).not.toBe(0);
  expect(build.output).toContain(located);
  expect(existsSync(join(outDir, 'index.html'))).toBe(false);
  expect(check.code, check.output).toBe(1);
  expect(check.stdout).toContain(located);
  // The checker itself never crashes on hostile files: its output is the report, not a stack trace.
  expect(check.output).not.toMatch(/^\s+at /m);
}

describe('broken content files fail npm run build and npm run check alike', () => {
  it('a source file named with a Cyrillic look-alike letter → invalid-file-name naming the character', async () => {
    const content = copyValidFixture();
    renameSync(join(content.dir, NEWS), join(content.dir, 'sources/nеws-2024.yaml'));
    await buildAndCheck(
      content,
      'sources/nеws-2024.yaml',
      { line: 1, column: 1 },
      'invalid-file-name',
      'file name: "nеws-2024" has U+0435 CYRILLIC SMALL LETTER IE at position 2; ids are ASCII a-z, 0-9 and hyphens',
    );
  });

  it('a source file named "...yaml" (the id "..") → invalid-file-name', async () => {
    const content = copyValidFixture();
    writeFileSync(join(content.dir, 'sources/...yaml'), readFileSync(join(content.dir, NEWS)));
    await buildAndCheck(
      content,
      'sources/...yaml',
      { line: 1, column: 1 },
      'invalid-file-name',
      'file name: ".." has U+002E FULL STOP at position 1; ids are ASCII a-z, 0-9 and hyphens',
    );
  });

  it('a symlink to a file outside the content → unsafe-path at the link', async () => {
    const content = copyValidFixture();
    symlinkSync(resolve(ROOT, 'package.json'), join(content.dir, 'sources/leak.yaml'));
    await buildAndCheck(
      content,
      'sources/leak.yaml',
      { line: 1, column: 1 },
      'unsafe-path',
      'leak.yaml is a symbolic link; content must be plain files inside the content folder',
    );
  });

  it('an archive path climbing out of content/archive/ → unsafe-path at the path', async () => {
    const content = copyValidFixture();
    const at = content.replace(
      REPORT,
      'path: archive/report-2022.txt',
      'path: archive/../../../package.json',
      'archive/../',
    );
    await buildAndCheck(
      content,
      REPORT,
      at,
      'unsafe-path',
      'the archive path archive/../../../package.json has an empty, "." or ".." part',
    );
  });

  it('a Latin-1 byte in a profile → invalid-encoding at its line and column, never U+FFFD on a page', async () => {
    const content = copyValidFixture();
    const at = content.replace(EVADERS_2024, 'Conscription ended', 'Conscription ended in Testland', 'Testland');
    const path = join(content.dir, EVADERS_2024);
    const bytes = readFileSync(path);
    bytes[bytes.indexOf('Testland') + 4] = 0xe9; // "Test\xE9and": é as Latin-1 writes it
    writeFileSync(path, bytes);
    await buildAndCheck(
      content,
      EVADERS_2024,
      { line: at.line, column: at.column + 4 },
      'invalid-encoding',
      'the file is not valid UTF-8: byte 0xE9 at byte offset',
    );
  });

  it('an unquoted 2024-02-30 → unquoted-date, not silently read as 1 March', async () => {
    const content = copyValidFixture();
    const at = content.replace(NEWS, 'issued: "2024-03-02"', 'issued: 2024-02-30', '2024-02-30');
    await buildAndCheck(content, NEWS, at, 'unquoted-date', 'issued: the date 2024-02-30 is not in quotes');
  });

  it('a finding as of January 2099 → date-after-publication at its asOf', async () => {
    const content = copyValidFixture();
    const at = content.replace(EVADERS_2024, 'asOf="2024-03"', 'asOf="2099-01"', '2099-01');
    await buildAndCheck(
      content,
      EVADERS_2024,
      at,
      'date-after-publication',
      'finding "end-of-conscription" is as of January 2099, after its edition was published (1 June 2024)',
    );
  });
});
