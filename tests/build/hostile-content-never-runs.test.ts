/**
 * Code in content never runs at build time and never reaches a page. A profile whose MDX would write a marker file
 * when evaluated is built twice: by `npm run build` (the content check stops it first) and by a build without the
 * content check (the gate inside the MDX compiler stops it). Either way: a located error, no marker, no page.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { copyValidFixture } from '../support/content-copy.ts';
import { npmRun, ROOT, run } from '../support/run-build.ts';

const DESERTERS = 'profiles/testland/2023-01/deserters.mdx';

/** A throwaway output folder and a marker path that only evaluated content code could create. */
function places() {
  const outDir = mkdtempSync(resolve(ROOT, 'tmp/out-'));
  const marker = join(outDir, '..', `${relative(resolve(ROOT, 'tmp'), outDir)}.marker`);
  onTestFinished(() => rmSync(outDir, { recursive: true, force: true }));
  onTestFinished(() => rmSync(marker, { force: true }));
  return { outDir, marker };
}

const pages = (dir: string) =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')) : [];

/** `astro build` with the MDX compiler (and its gate) but without the content check before it. */
const compilerOnlyBuild = (contentDir: string, outDir: string) =>
  run(resolve(ROOT, 'node_modules/.bin/astro'), ['build', '--config', 'tests/fixtures/compiler-gate-only.config.mjs'], {
    CG_CONTENT_DIR: contentDir,
    CG_OUT_DIR: outDir,
  });

// ESM right after a heading (no blank line): the old hand-written scanner missed it; MDX runs it.
const esmAfterHeading = (marker: string) =>
  `## Findings\nimport { writeFileSync } from 'node:fs';\nexport const ran = writeFileSync(${JSON.stringify(marker)}, 'content code ran');`;

describe('content code never runs during the build', () => {
  it('npm run build refuses ESM right after a heading, at its line, and runs none of it', async () => {
    const content = copyValidFixture();
    const { outDir, marker } = places();
    const at = content.replace(DESERTERS, '## Findings', esmAfterHeading(marker), 'import');
    const result = await npmRun('build', { CG_CONTENT_DIR: content.dir, CG_OUT_DIR: outDir });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(
      `${relative(ROOT, content.dir)}/${DESERTERS}:${at.line}:${at.column}  error  unsafe-mdx`,
    );
    expect(existsSync(marker)).toBe(false);
    expect(pages(outDir)).toEqual([]);
  });

  it('the MDX compiler alone refuses the same file, at the same place, and runs none of it', async () => {
    const content = copyValidFixture();
    const { outDir, marker } = places();
    const at = content.replace(DESERTERS, '## Findings', esmAfterHeading(marker), 'import');
    const result = await compilerOnlyBuild(content.dir, outDir);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('The MDX compiler refused content');
    expect(result.output).toContain(
      `${DESERTERS}:${at.line}:${at.column}  error  unsafe-mdx  MDX files may not import or export code`,
    );
    expect(existsSync(marker)).toBe(false);
    expect(pages(outDir)).toEqual([]);
  });

  it('the MDX compiler alone refuses a javascript: link and markup hidden after a code span', async () => {
    const content = copyValidFixture();
    const { outDir } = places();
    content.replace(
      DESERTERS,
      'The law is in',
      '[Read more](javascript:alert(document.cookie)) and a `` ` `` <img src="x" onError="alert(1)" />. The law is in',
    );
    const result = await compilerOnlyBuild(content.dir, outDir);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(
      'unsafe-mdx  links may use http:, https:, mailto:, a relative path or #, not javascript:',
    );
    expect(result.output).toContain('unsafe-mdx  <img> is not an allowed component or element');
    expect(pages(outDir)).toEqual([]);
  });
});
