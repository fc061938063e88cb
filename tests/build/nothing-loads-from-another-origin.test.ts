/**
 * No built page makes the browser fetch from another origin by itself (scripts/check-origins.ts): readers of
 * protection guidance are not tracked, and the site works offline. Links to sources may point anywhere.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { findThirdPartyLoads, formatOriginProblems } from '../../scripts/check-origins.ts';
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

describe('the origin checker', () => {
  it('reports scripts, styles, fonts, images, frames, preloads and form actions from elsewhere', () => {
    const dir = handMadeDist({
      'index.html': `<!doctype html><html><head>
        <script src="https://cdn.example/lib.js"></script>
        <link rel="stylesheet" href="//fonts.example/css">
        <link rel="preload" as="font" href="https://fonts.example/f.woff2">
        <link rel="canonical" href="https://country-guidance.example/">
        <style>@import "https://styles.example/x.css";</style>
        </head><body>
        <img src="/local.png" srcset="/local.png 1x, https://img.example/2x.png 2x">
        <iframe src="https://video.example/embed"></iframe>
        <form action="https://forms.example/submit"></form>
        <a href="https://example.org/report">a source, followed only if the reader clicks</a>
        </body></html>`,
      '_astro/site.css': 'body { background: url("/bg.png"); } @font-face { src: url(https://fonts.example/a.woff2); }',
    });
    const found = findThirdPartyLoads(dir).map((p) => `${p.where} ${p.what} ${p.url}`);
    expect(found.sort()).toEqual([
      '/ <form action> https://forms.example/submit',
      '/ <iframe src> https://video.example/embed',
      '/ <img srcset> https://img.example/2x.png',
      '/ <link href> //fonts.example/css',
      '/ <link href> https://fonts.example/f.woff2',
      '/ <script src> https://cdn.example/lib.js',
      '/ <style url()> https://styles.example/x.css',
      '/_astro/site.css CSS url() https://fonts.example/a.woff2',
    ]);
  });
});

describe('no built page loads anything from another origin', () => {
  it.each([
    ['the site built from content/', inject('siteDir')],
    ['the valid fixture', inject('fixtureSiteDir')],
  ])('%s', (_label, dir) => {
    const problems = findThirdPartyLoads(dir);
    expect(problems, formatOriginProblems(problems)).toEqual([]);
  });
});
