/**
 * A rebuild reuses a page of one profile while its scope is unchanged (src/integrations/page-cache.ts); that is
 * sound only if the page shows nothing from outside its scope. With CG_CHECK_PAGE_SCOPES=1 the build renders every
 * such page in its scope and with the whole corpus and fails on any difference: on the site's own content and on
 * the fixture, both must build.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VALID_FIXTURE } from '../support/content-copy.ts';
import { ROOT, run } from '../support/run-build.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function outDir(): string {
  mkdirSync(resolve(ROOT, 'tmp'), { recursive: true });
  const dir = mkdtempSync(resolve(ROOT, 'tmp/out-scopes-'));
  made.push(dir);
  return dir;
}

const checkedBuild = (contentDir: string) =>
  run(resolve(ROOT, 'node_modules/.bin/astro'), ['build'], {
    CG_CONTENT_DIR: contentDir,
    CG_OUT_DIR: outDir(),
    CG_CHECK_PAGE_SCOPES: '1',
  });

describe('every page of one profile renders the same in its scope as with the whole corpus', () => {
  for (const [name, dir] of [
    ['the site', resolve(ROOT, 'content')],
    ['the fixture', VALID_FIXTURE],
  ] as const) {
    it(`on ${name}`, async () => {
      const result = await checkedBuild(dir);
      expect(result.output).not.toMatch(/PageReadsBeyondScope|renders differently in its scope/);
      expect(result.code, result.output).toBe(0);
    });
  }
});
