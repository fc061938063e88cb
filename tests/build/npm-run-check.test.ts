/** `npm run check` runs every content check without building, in the same report format as the build. */
import { symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyValidFixture, VALID_FIXTURE } from '../support/content-copy.ts';
import { npmRun, ROOT } from '../support/run-build.ts';

/** A source that nothing cites: an orphan-source warning. */
const UNCITED_SOURCE =
  'type: report\ntitle: U\nshortTitle: U\nauthor: [{ literal: U }]\nissued: "2020"\ndescription: U.\naccess: read\n';

describe('npm run check', () => {
  it('exits 0 on the valid fixture and reports no error', async () => {
    const result = await npmRun('check', { CG_CONTENT_DIR: VALID_FIXTURE });
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toMatch(/^0 errors, \d+ warnings?$/m);
  });

  it('exits 1 on broken content, printing path:line:column, severity, rule and a hint', async () => {
    const content = copyValidFixture();
    const file = 'profiles/testland/2023-01/evaders.mdx';
    // A pinpoint is reported at the cited key, where the citation starts.
    const at = content.replace(file, '[@report-2022, p. 15]', '[@report-2022, p. 99]', '@report-2022');
    const result = await npmRun('check', { CG_CONTENT_DIR: content.dir });
    expect(result.code).toBe(1);
    const where = `${relative(ROOT, content.dir)}/${file}:${at.line}:${at.column}`;
    expect(result.stdout).toContain(`${where}  error  bad-locator  @report-2022, p. 99: page 99 is outside the source`);
    expect(result.stdout).toMatch(/bad-locator .+\n {4}hint: .+/);
    expect(result.stdout).toMatch(/^1 error, \d+ warnings?$/m);
  });

  it('exits 0 with warnings only, listing every warning in full', async () => {
    const content = copyValidFixture();
    for (const id of ['unused-a', 'unused-b']) writeFileSync(join(content.dir, `sources/${id}.yaml`), UNCITED_SOURCE);
    const result = await npmRun('check', { CG_CONTENT_DIR: content.dir });
    expect(result.code, result.output).toBe(0);
    for (const id of ['unused-a', 'unused-b']) {
      expect(result.stdout).toContain(`${relative(ROOT, content.dir)}/sources/${id}.yaml:1:1  warning  orphan-source`);
    }
    expect(result.stdout).toMatch(/^0 errors, 2 warnings$/m);
  });

  it('lists errors before warnings, even those of a file that comes first', async () => {
    const content = copyValidFixture();
    writeFileSync(join(content.dir, 'sources/a-unused.yaml'), UNCITED_SOURCE);
    content.replace('sources/news-2024.yaml', 'type: article-newspaper', 'type: newspaper');
    const result = await npmRun('check', { CG_CONTENT_DIR: content.dir });
    expect(result.code).toBe(1);
    const error = result.stdout.indexOf('sources/news-2024.yaml:1:7  error  invalid-field');
    const warning = result.stdout.indexOf('sources/a-unused.yaml:1:1  warning  orphan-source');
    expect(error).toBeGreaterThanOrEqual(0);
    expect(warning).toBeGreaterThan(error);
  });

  it('exits 1 with an error, not a stack trace, when loading the content throws', async () => {
    const content = copyValidFixture();
    // A link to nothing made the loader throw; whether it is reported as check-failed or as a located problem
    // of the file, it is an error and the report is all there is.
    symlinkSync('nowhere', join(content.dir, 'sources/dangling.yaml'));
    const result = await npmRun('check', { CG_CONTENT_DIR: content.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^${relative(ROOT, content.dir)}\\S*:\\d+:\\d+  error  `, 'm'));
    expect(result.output).not.toMatch(/^\s+at /m);
    expect(result.stdout).toMatch(/^[1-9]\d* errors?, 0 warnings$/m);
  });
});
