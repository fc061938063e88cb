/**
 * Published URLs are cited in decisions: a build that no longer serves one fails, naming it, unless a redirect to
 * its new place is recorded; the redirect is a real page that works on any static host.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { servedUrls } from '../../src/integrations/url-record.ts';
import { parseUrlRecord } from '../../src/site/url-manifest.ts';
import { copyValidFixture } from '../support/content-copy.ts';
import { npmRun, ROOT } from '../support/run-build.ts';

async function build(contentDir: string) {
  const outDir = resolve(ROOT, `tmp/out-urls-${Date.now()}`);
  onTestFinished(() => rmSync(outDir, { recursive: true, force: true }));
  return { ...(await npmRun('build', { CG_CONTENT_DIR: contentDir, CG_OUT_DIR: outDir })), outDir };
}

describe('published URLs never break', () => {
  it('a build that no longer serves a published profile fails, naming its URL', async () => {
    const content = copyValidFixture();
    rmSync(join(content.dir, 'profiles/testland/2024-06/evaders.mdx'));
    const result = await build(content.dir);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('url-record  /testland/2024-06/evaders/ was published and is no longer served');
  });

  it('a recorded redirect keeps the old URL working as a page that sends readers to the new one', async () => {
    const content = copyValidFixture();
    content.replace(
      'published-urls.txt',
      '/testland/deserters/\n',
      '/testland/deserters/\n/testland/army-deserters/ -> /testland/deserters/\n',
    );
    const result = await build(content.dir);
    expect(result.code, result.output).toBe(0);
    const page = readFileSync(join(result.outDir, 'testland/army-deserters/index.html'), 'utf8');
    expect(page).toMatch(/http-equiv="refresh" content="0;url=\/testland\/deserters\/"/);
    expect(page).toContain('rel="canonical" href="http');
  });

  it('the record lists every URL the real site serves', () => {
    const record = parseUrlRecord(readFileSync(resolve(ROOT, 'content/published-urls.txt'), 'utf8'));
    const served = servedUrls(inject('siteDir'));
    expect(
      [...served].filter((url) => !record.published.has(url)),
      'run npm run build && npm run urls:record',
    ).toEqual([]);
    expect(existsSync(inject('siteDir'))).toBe(true);
  });
});
