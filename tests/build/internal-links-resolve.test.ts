/** Every internal link and #fragment of the built site resolves, checked by scripts/check-links.ts. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { checkLinks, formatLinkProblems } from '../../scripts/check-links.ts';
import { ROOT } from '../support/run-build.ts';
import { siteUrl } from '../../src/site/site-url.ts';

const SITE = 'https://country-guidance.example';

/** A tiny build folder written by hand: path → HTML body. */
function handMadeDist(pages: Record<string, string>): string {
  mkdirSync(resolve(ROOT, 'tmp'), { recursive: true });
  const dir = mkdtempSync(resolve(ROOT, 'tmp/dist-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  for (const [file, body] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(
      join(dir, file),
      `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`,
    );
  }
  return dir;
}

describe('the link checker', () => {
  it('passes a folder whose links, assets and fragments all resolve', () => {
    const dir = handMadeDist({
      'index.html':
        '<a href="#main">skip</a><main id="main"><a href="/a/">a</a> <a href="a/#part-1">part</a> <a href="/file.txt">file</a> <a href="https://example.org/x">out</a> <a href="mailto:x@example.org">mail</a></main>',
      'a/index.html': '<h2 id="part-1">Part 1</h2><a href="../">home</a><a href="/#main">main</a>',
      'file.txt': '',
    });
    expect(checkLinks(dir, { siteOrigin: SITE })).toEqual([]);
  });

  it('fails on a link to a missing page or anchor, naming the page and the link', () => {
    const dir = handMadeDist({
      'index.html':
        '<a href="/a/">fine</a> <a href="/gone/">gone</a> <a href="/a/#nowhere">bad anchor</a> <a href="#missing-here">same page</a>',
      'a/index.html': '<a href="/a">no slash</a><link rel="canonical" href="https://country-guidance.example/moved/">',
    });
    const problems = checkLinks(dir, { siteOrigin: SITE });
    expect(problems).toEqual([
      { page: '/a/', href: '/a', problem: expect.stringContaining('the page is at /a/') },
      {
        page: '/a/',
        href: 'https://country-guidance.example/moved/',
        problem: expect.stringContaining('does not have'),
      },
      { page: '/', href: '/gone/', problem: expect.stringContaining('does not have') },
      { page: '/', href: '/a/#nowhere', problem: expect.stringContaining('no element with id "nowhere" on /a/') },
      { page: '/', href: '#missing-here', problem: expect.stringContaining('no element with id "missing-here" on /') },
    ]);
    expect(formatLinkProblems(problems)).toContain('/: link "/a/#nowhere" has no target');
  });
});

describe('every internal link and #fragment of the built site resolves', () => {
  it('in the site built from content/', () => {
    // The test builds inherit this process's environment, so they were built for the same address.
    const problems = checkLinks(inject('siteDir'), { siteOrigin: siteUrl() });
    expect(problems, formatLinkProblems(problems)).toEqual([]);
  });

  it('in the valid fixture, which has every kind of profile link (findings, conclusions, other editions)', () => {
    const problems = checkLinks(inject('fixtureSiteDir'), { siteOrigin: siteUrl() });
    expect(problems, formatLinkProblems(problems)).toEqual([]);
  });
});
