/**
 * A contributor's mistake must stop `npm run build` before anything is emitted, with one linter-style line per
 * problem: `path:line:column  error  rule`. Each test breaks a copy of the valid fixture and runs the real build.
 */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { copyValidFixture, type Position } from '../support/content-copy.ts';
import { npmRun, ROOT } from '../support/run-build.ts';
import { aliasBomb } from '../support/hostile-yaml.ts';

const DESERTERS = 'profiles/testland/2023-01/deserters.mdx';
const EVADERS_2024 = 'profiles/testland/2024-06/evaders.mdx';
const OLD_EDITION = 'editions/testland-2023-01.yaml';

/** Builds `contentDir` with `npm run build` into a throwaway folder; says whether any page was written. */
async function build(contentDir: string) {
  const outDir = mkdtempSync(resolve(ROOT, 'tmp/out-'));
  onTestFinished(() => rmSync(outDir, { recursive: true, force: true }));
  const result = await npmRun('build', { CG_CONTENT_DIR: contentDir, CG_OUT_DIR: outDir });
  return { ...result, emittedPages: existsSync(join(outDir, 'index.html')) };
}

/** The report line for a problem, with the path as the checks print it (relative to the project root). */
const line = (contentDir: string, file: string, at: Position, rule: string) =>
  `${relative(ROOT, contentDir)}/${file}:${at.line}:${at.column}  error  ${rule}`;

describe('broken content fails npm run build with path:line:column and the rule', () => {
  it('a citation to an unknown source → unknown-source at the cited key', async () => {
    const content = copyValidFixture();
    const at = content.replace(DESERTERS, '[@report-2022, sec. 2', '[@report-2099, sec. 2', '@report-2099');
    const result = await build(content.dir);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(line(content.dir, DESERTERS, at, 'unknown-source'));
    expect(result.output).toContain('did you mean "report-2022"?');
    expect(result.emittedPages).toBe(false);
  });

  it('a link to a finding that does not exist → unknown-finding at the link', async () => {
    const content = copyValidFixture();
    const link = '[](#finding-penaltys)';
    const at = content.replace(DESERTERS, 'The law is in [@eu-qd', `See ${link}. The law is in [@eu-qd`, link);
    const result = await build(content.dir);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(line(content.dir, DESERTERS, at, 'unknown-finding'));
    expect(result.output).toContain('did you mean "penalties"?');
    expect(result.emittedPages).toBe(false);
  });

  it('a value outside its enum → invalid-field at the value', async () => {
    const content = copyValidFixture();
    const at = content.replace(DESERTERS, 'level: in-general', 'level: sometimes', 'sometimes');
    const result = await build(content.dir);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(`${line(content.dir, DESERTERS, at, 'invalid-field')}  conclusions.risk.level`);
    expect(result.emittedPages).toBe(false);
  });

  it('a related profile that the edition does not have → unknown-profile', async () => {
    const content = copyValidFixture();
    const at = content.replace(DESERTERS, 'related: [evaders]', 'related: [evaders, conscripts]', 'conscripts');
    const result = await build(content.dir);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(line(content.dir, DESERTERS, at, 'unknown-profile'));
    expect(result.emittedPages).toBe(false);
  });

  it('an edition superseded by an edition that does not exist → edition-chain', async () => {
    const content = copyValidFixture();
    const at = content.replace(
      OLD_EDITION,
      'supersededBy: testland-2024-06',
      'supersededBy: testland-2030-01',
      'testland-2030-01',
    );
    const result = await build(content.dir);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(line(content.dir, OLD_EDITION, at, 'edition-chain'));
    expect(result.emittedPages).toBe(false);
  });

  it('an alias bomb and Markdown nested 20,000 deep → unsafe-yaml and content-limit, in bounded time', async () => {
    const content = copyValidFixture();
    const source = join(content.dir, 'sources/news-2024.yaml');
    const sourceLines = readFileSync(source, 'utf8').split('\n').length;
    appendFileSync(source, aliasBomb());
    const profile = join(content.dir, DESERTERS);
    const profileLines = readFileSync(profile, 'utf8').split('\n').length;
    appendFileSync(profile, `\n${'- '.repeat(20000)}deep\n`);
    const started = Date.now();
    const result = await build(content.dir);
    expect(Date.now() - started).toBeLessThan(120_000);
    expect(result.code).not.toBe(0);
    const bomb = { line: sourceLines, column: 5 };
    expect(result.output).toContain(
      `${line(content.dir, 'sources/news-2024.yaml', bomb, 'unsafe-yaml')}  a YAML anchor`,
    );
    expect(result.output).toMatch(new RegExp(`${DESERTERS}:${profileLines + 1}:\\d+ {2}error {2}content-limit`));
    expect(result.output).not.toContain('Maximum call stack');
    expect(result.emittedPages).toBe(false);
  });

  it('reports every problem of every file in one run', async () => {
    const content = copyValidFixture();
    const first = content.replace(DESERTERS, '[@report-2022, sec. 2', '[@report-2099, sec. 2', '@report-2099');
    const second = content.replace(EVADERS_2024, '[@news-2024]', '[@news-2042]', '@news-2042');
    const result = await build(content.dir);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(line(content.dir, DESERTERS, first, 'unknown-source'));
    expect(result.output).toContain(line(content.dir, EVADERS_2024, second, 'unknown-source'));
    expect(result.output.match(/ {2}error {2}unknown-source/g)).toHaveLength(2);
  });
});

/** Adds a source that nothing cites: an orphan-source warning, which does not stop the build. */
function addUncitedSource(contentDir: string, id: string): void {
  const source =
    'type: report\ntitle: U\nshortTitle: U\nauthor: [{ literal: U }]\nissued: "2020"\ndescription: U.\naccess: read\n';
  writeFileSync(join(contentDir, `sources/${id}.yaml`), source);
}

describe('the report of a failed build', () => {
  it('is the report alone: errors in full first, then one line per rule of warnings, and no stack trace', async () => {
    const content = copyValidFixture();
    addUncitedSource(content.dir, 'unused-a');
    addUncitedSource(content.dir, 'unused-b');
    const at = content.replace(DESERTERS, '[@report-2022, sec. 2', '[@report-2099, sec. 2', '@report-2099');
    const result = await build(content.dir);
    expect(result.code).not.toBe(0);
    const error = line(content.dir, DESERTERS, at, 'unknown-source');
    const summary = '2 warnings orphan-source: sources no finding cites; run npm run check for the list';
    expect(result.output).toContain(error);
    expect(result.output).toContain(summary);
    expect(result.output.indexOf(error)).toBeLessThan(result.output.indexOf(summary));
    // The broken citation is the one root cause; a conclusion that rested on it may follow as a consequence.
    expect(result.output).toMatch(/^\d+ errors?, 2 warnings$/m);
    expect(result.output.match(/ {2}error {2}unknown-source/g)).toHaveLength(1);
    expect(result.output).not.toContain('warning  orphan-source');
    expect(result.output).not.toMatch(/^\s+at /m);
    expect(result.output).not.toMatch(/Stack trace|Location:|unhandled error/i);
    expect(result.emittedPages).toBe(false);
  });

  it('lists an unclosed <Finding> before the errors that follow from it', async () => {
    const content = copyValidFixture();
    const finding =
      '<Finding id="penalties" asOf="2022-10" title="Prison terms for desertion">\n' +
      'Desertion is punished with prison terms [@report-2022, sec. 2, pp. 12-13].\n';
    const at = content.replace(DESERTERS, `${finding}</Finding>`, finding, '<Finding');
    const result = await build(content.dir);
    expect(result.code).not.toBe(0);
    const cause = result.output.indexOf(line(content.dir, DESERTERS, at, 'syntax'));
    const consequence = result.output.indexOf('error  unsupported-conclusion');
    expect(cause).toBeGreaterThanOrEqual(0);
    expect(consequence).toBeGreaterThan(cause);
  });

  it('is an error without a stack trace when loading the content throws', async () => {
    const content = copyValidFixture();
    // A link to nothing made the loader throw, which printed a stack trace before the build gave up.
    symlinkSync('nowhere', join(content.dir, 'sources/dangling.yaml'));
    const result = await build(content.dir);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(new RegExp(`^${relative(ROOT, content.dir)}\\S*:\\d+:\\d+  error  `, 'm'));
    expect(result.output).not.toMatch(/^\s+at /m);
    expect(result.emittedPages).toBe(false);
  });
});
