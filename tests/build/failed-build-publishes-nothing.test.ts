/**
 * A failed build leaves nothing that could be deployed by mistake: whatever fails (content, a page that throws while
 * rendering, the publish scan), the output folder is gone afterwards, including the previous complete site, and
 * no half-written staging folder is left. The publish scan runs in every build and names the file, line and column.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { stagingDir } from '../../src/integrations/atomic-output.ts';
import { copyValidFixture, VALID_FIXTURE } from '../support/content-copy.ts';
import { npmRun, ROOT, run } from '../support/run-build.ts';

/** An output folder that already holds a complete site, as after an earlier successful build. */
function previousSite(): string {
  const outDir = mkdtempSync(resolve(ROOT, 'tmp/out-'));
  onTestFinished(() => rmSync(outDir, { recursive: true, force: true }));
  cpSync(inject('fixtureSiteDir'), outDir, { recursive: true });
  expect(existsSync(join(outDir, 'index.html'))).toBe(true);
  return outDir;
}

/** Nothing publishable is left: neither the output folder nor its staging folder. */
function expectNothingPublished(outDir: string) {
  expect(existsSync(outDir), `${outDir} should be gone`).toBe(false);
  expect(existsSync(stagingDir(outDir))).toBe(false);
  expect(readdirSync(dirname(outDir)).filter((f) => f.includes(basename(outDir)))).toEqual([]);
}

/** The real build with extra pages injected (tests/fixtures/extra-pages/<which>). */
const buildWithExtraPages = (which: 'hostile' | 'throwing', outDir: string) =>
  run(resolve(ROOT, 'node_modules/.bin/astro'), ['build', '--config', 'tests/fixtures/extra-pages/astro.config.mjs'], {
    CG_EXTRA_PAGES: which,
    CG_CONTENT_DIR: VALID_FIXTURE,
    CG_OUT_DIR: outDir,
  });

describe('a failed build leaves no publishable site', () => {
  it('broken content: the previous complete site is removed too', async () => {
    const outDir = previousSite();
    const content = copyValidFixture();
    content.replace('profiles/testland/2023-01/deserters.mdx', '[@report-2022, sec. 2', '[@report-2099, sec. 2');
    const result = await npmRun('build', { CG_CONTENT_DIR: content.dir, CG_OUT_DIR: outDir });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('unknown-source');
    expectNothingPublished(outDir);
  });

  it('a page that throws while rendering: no partial site, and the previous one is gone', async () => {
    const outDir = previousSite();
    const result = await buildWithExtraPages('throwing', outDir);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('this page fails to render');
    expectNothingPublished(outDir);
  });

  it('a page with an event handler: the publish scan fails the build at the attribute', async () => {
    const outDir = previousSite();
    const result = await buildWithExtraPages('hostile', outDir);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(
      new RegExp(`${relative(ROOT, outDir)}/extra/page/index\\.html:1:\\d+  error  event-handler  <img onerror>`),
    );
    expect(result.output).toMatch(/event-handler .+\n {4}hint: .+/);
    expectNothingPublished(outDir);
  });
});

describe('a successful build', () => {
  it('is scanned, then published in place of the previous site, with no staging folder left', async () => {
    const outDir = previousSite();
    writeFileSync(join(outDir, 'only-in-the-previous-site.html'), '<p>stale</p>');
    // What a killed build leaves while it deletes an older site.
    const leftByAKilledBuild = join(dirname(outDir), `.${basename(outDir)}.removing-1-1`);
    cpSync(outDir, leftByAKilledBuild, { recursive: true });
    const result = await npmRun('build', { CG_CONTENT_DIR: VALID_FIXTURE, CG_OUT_DIR: outDir });
    expect(result.code, result.output).toBe(0);
    expect(existsSync(join(outDir, 'only-in-the-previous-site.html'))).toBe(false);
    expect(result.output).toMatch(/publish scan: \d+ files read \(\d+ while rendering\)/);
    // The index is fed while rendering, or kept from the fixture's last build: never read back from disk.
    expect(result.output).toMatch(
      /search index: .+ in one part \(1 (indexed while rendering|kept from an earlier build)\)/,
    );
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'pagefind/pagefind.js'))).toBe(true);
    // The previous site, moved aside when the build started, is deleted by the time the new one is published.
    expect(readdirSync(dirname(outDir)).filter((f) => f.includes(basename(outDir)))).toEqual([basename(outDir)]);
    expect(existsSync(stagingDir(outDir))).toBe(false);
  });

  // The global setup's build of the valid fixture (tests/setup/build-site.ts) is the build looked at here.
  it('prints no bundler warning per profile, so a warning that matters stands out', () => {
    const output = inject('fixtureBuildOutput');
    expect(output).toMatch(/page\(s\) built in/);
    // Profiles are data, not modules (src/content-gate/profile-body.ts): no MDX module reaches the bundler, which used
    // to warn of Astro's "use astro:head-inject" once for each.
    expect(output).not.toMatch(/MODULE_LEVEL_DIRECTIVE|head-inject/);
  });
});

describe('a page changed after it was rendered', () => {
  const buildTampered = (tamper: 'hostile' | 'harmless', outDir: string) =>
    run(
      resolve(ROOT, 'node_modules/.bin/astro'),
      ['build', '--config', 'tests/fixtures/extra-pages/astro.config.mjs'],
      {
        CG_TAMPER: tamper,
        CG_CONTENT_DIR: VALID_FIXTURE,
        CG_OUT_DIR: outDir,
      },
    );

  it('is scanned again from disk: a handler added after rendering fails the build', async () => {
    const outDir = previousSite();
    const result = await buildTampered('hostile', outDir);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(
      new RegExp(`${relative(ROOT, outDir)}/sources/index\\.html:\\d+:\\d+  error  event-handler  <img onerror>`),
    );
    expectNothingPublished(outDir);
  });

  it('is indexed again from disk, and every other page counts as scanned while rendering', async () => {
    const outDir = previousSite();
    const result = await buildTampered('harmless', outDir);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(
      /search index: \d+ pages marked data-pagefind-body, in one part \(1 indexed after rendering\)/,
    );
    const [, files, early] = /publish scan: (\d+) files read \((\d+) while rendering\)/.exec(result.output) ?? [];
    // Not counted: the tampered page, the redirect pages Astro writes from its own template, and Pagefind's files.
    expect(Number(early)).toBeGreaterThan(0);
    expect(Number(files) - Number(early)).toBeGreaterThanOrEqual(1);
  });
});
