/**
 * The publish scan that every build runs (src/publish/dist-scan.ts) finds nothing in the built sites: no page makes the
 * browser fetch from another origin by itself, runs a script the project did not emit, or lacks its CSP. Readers
 * of protection guidance are not tracked, and the site works offline. Links to sources may point anywhere.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { scanOutput, type EarlierScans } from '../../src/integrations/dist-scan.ts';
import { digestOf } from '../../src/prerender-tap/rendered-pages.ts';
import { formatOutputProblem, scanFile } from '../../src/publish/dist-scan.ts';
import { ROOT } from '../support/run-build.ts';

function handMadeDist(files: Record<string, string>): string {
  mkdirSync(resolve(ROOT, 'tmp'), { recursive: true });
  const dir = mkdtempSync(resolve(ROOT, 'tmp/dist-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe('the publish scan over a folder', () => {
  it('reads every page, feed, SVG and stylesheet in it, and names each file as published', () => {
    const csp = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self'">`;
    const dir = handMadeDist({
      'index.html': `<!doctype html><html><head>${csp}<script src="https://cdn.example/lib.js"></script></head><body>
        <img src="/local.png" srcset="/local.png 1x, https://img.example/2x.png 2x"><iframe src="/x/"></iframe>
        <a href="https://example.org/report">a source, followed only if the reader clicks</a></body></html>`,
      'nested/page/index.html': '<html><head></head><body><a href="javascript:alert(1)">x</a></body></html>',
      'updates.xml':
        '<rss><channel><item><description>&lt;img src=x onerror=alert(1)&gt;</description></item></channel></rss>',
      'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      '_astro/site.css': 'body { background: url("/bg.png"); } @font-face { src: url(https://fonts.example/a.woff2); }',
      'notes.txt': '<script>not read: not a page</script>',
    });
    const found = scanOutput(dir, 'dist').problems.map((p) => `${p.file} ${p.rule}`);
    expect(found.sort()).toEqual([
      'dist/_astro/site.css foreign-resource',
      'dist/icon.svg event-handler',
      'dist/index.html embedded-content',
      'dist/index.html foreign-resource',
      'dist/index.html foreign-script',
      'dist/nested/page/index.html missing-csp',
      'dist/nested/page/index.html unsafe-url',
      'dist/updates.xml event-handler',
    ]);
  });
});

describe('pages scanned while the build rendered them', () => {
  const csp = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self'">`;
  const clean = `<!doctype html><html><head>${csp}</head><body><p>Findings</p></body></html>`;
  const scannedWhileRendering = (files: Record<string, string>): EarlierScans =>
    new Map(
      Object.entries(files).map(([file, text]) => [
        file,
        { digest: digestOf(Buffer.from(text)), problems: scanFile(file, text, `dist/${file}`) },
      ]),
    );

  it('count only when the bytes on disk are the bytes that were scanned', () => {
    const dir = handMadeDist({ 'a/index.html': clean, 'b/index.html': clean });
    const result = scanOutput(dir, 'dist', scannedWhileRendering({ 'a/index.html': clean, 'b/index.html': clean }));
    expect(result).toEqual({ files: 2, scannedEarlier: 2, problems: [] });
  });

  it('are read again from disk when they changed after rendering, so an added handler is still found', () => {
    const tampered = clean.replace('</body>', '<img src="/x.png" onerror="alert(1)"></body>');
    const dir = handMadeDist({ 'a/index.html': tampered, 'new/index.html': tampered });
    const result = scanOutput(dir, 'dist', scannedWhileRendering({ 'a/index.html': clean }));
    expect(result.scannedEarlier).toBe(0);
    expect(result.problems.map((p) => `${p.file} ${p.rule}`)).toEqual([
      'dist/a/index.html event-handler',
      'dist/new/index.html event-handler',
    ]);
  });
});

describe('the built sites pass the publish scan', () => {
  it.each([
    ['the site built from content/', inject('siteDir')],
    ['the valid fixture', inject('fixtureSiteDir')],
  ])('%s', (_label, dir) => {
    const { files, problems } = scanOutput(dir);
    expect(files).toBeGreaterThan(10);
    expect(problems, problems.map(formatOutputProblem).join('\n')).toEqual([]);
  });
});
