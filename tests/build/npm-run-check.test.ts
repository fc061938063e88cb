/** `npm run check` runs every content check without building, in the same report format as the build. */
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyValidFixture, VALID_FIXTURE } from '../support/content-copy.ts';
import { npmRun, ROOT } from '../support/run-build.ts';

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
});
