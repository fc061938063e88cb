/**
 * The publish scan reads built pages as a browser would and fails on anything that runs code or loads from another
 * origin. Each attack kind below is one a browser really executes or fetches.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  foreignOrigin,
  scanCss,
  scanFile,
  scanFileVerdict,
  scanMarkup,
  schemeOf,
} from '../../../src/publish/dist-scan.ts';

const CSP = `default-src 'self'; object-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`;
const meta = (policy = CSP) => `<meta http-equiv="content-security-policy" content="${policy}">`;
/** A page the way the build writes it, with the CSP meta and `body` inside. */
const page = (body: string, head = '') =>
  `<!doctype html><html><head>${meta()}${head}</head><body>${body}</body></html>`;
const rules = (html: string) =>
  scanMarkup('dist/x/index.html', html, { url: '/x/', requireCsp: true }).map((p) => p.rule);
const messages = (html: string) =>
  scanMarkup('dist/x/index.html', html, { url: '/x/', requireCsp: true }).map((p) => `${p.rule} ${p.message}`);

describe('a clean page passes', () => {
  it('with same-origin styles, images, a bundled module script, links anywhere and a canonical link', () => {
    const html = page(
      `<a href="https://example.org/report">source</a> <a href="mailto:a@example.org">mail</a> <a href="#top">top</a>
       <img src="/img/a.png" srcset="/img/a.png 1x, img/b.png 2x" alt="">
       <form action="/search/"><input name="q"></form>
       <script type="module" src="/_astro/page.Bx1.js"></script>`,
      '<link rel="stylesheet" href="/_astro/site.css"><link rel="canonical" href="https://country-guidance.example/x/"><link rel="alternate" type="application/rss+xml" href="/updates.xml"><link rel="icon" href="/favicon.svg"><style>body{background:url(/bg.png)}</style>',
    );
    expect(messages(html)).toEqual([]);
  });
});

describe('event handler attributes', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', 'onerror'],
    ['<svg onload="alert(1)"></svg>', 'onload'],
    ['<a href="/" OnClick="x()">a</a>', 'onclick'],
    ['<details open ontoggle=alert(1)>', 'ontoggle'],
    ['<body onpageshow="x()">', 'onpageshow'],
  ])('%s is reported', (body, attr) => {
    expect(messages(page(body))).toEqual([expect.stringMatching(new RegExp(`^event-handler <\\w+ ${attr}>`))]);
  });

  it('is located at the attribute, by line and column', () => {
    const html = `${page('')}\n<p>\n  <img src="/a.png" onerror="alert(1)">`;
    const [p] = scanMarkup('dist/x/index.html', html, { url: '/x/', requireCsp: true });
    expect(p).toMatchObject({ file: 'dist/x/index.html', line: 3, column: 21, rule: 'event-handler' });
  });
});

describe('script URLs, in every URL attribute and however they are spelt', () => {
  it.each([
    ['<a href="javascript:alert(1)">x</a>', 'javascript:'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', 'javascript:'],
    ['<a href="  javascript:alert(1)">x</a>', 'javascript:'],
    ['<a href="java&#x09;script:alert(1)">x</a>', 'javascript:'],
    ['<a href="java&#10;script:alert(1)">x</a>', 'javascript:'],
    ['<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>', 'javascript:'],
    ['<a href="javascript&colon;alert(1)">x</a>', 'javascript:'],
    ['<a href="&#x01;javascript:alert(1)">x</a>', 'javascript:'],
    ['<a href="vbscript:msgbox(1)">x</a>', 'vbscript:'],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', 'data:'],
    ['<img src="data:image/svg+xml;base64,PHN2Zz4=">', 'data:'],
    ['<form action="javascript:alert(1)"><button>go</button></form>', 'javascript:'],
    ['<form><button formaction="javascript:alert(1)">go</button></form>', 'javascript:'],
    ['<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', 'javascript:'],
    ['<img srcset="/a.png 1x, javascript:alert(1) 2x">', 'javascript:'],
    ['<video poster="javascript:alert(1)"></video>', 'javascript:'],
    ['<svg><a href="/"><set attributeName="href" to="javascript:alert(1)"/></a></svg>', 'javascript:'],
    ['<meta http-equiv="refresh" content="0; url=javascript:alert(1)">', 'javascript:'],
  ])('%s → unsafe-url', (body, scheme) => {
    const found = messages(page(body)).filter((m) => m.startsWith('unsafe-url'));
    expect(found).toEqual([expect.stringContaining(`a ${scheme} URL`)]);
  });

  it('reads schemes the way the URL parser does', () => {
    expect(schemeOf('\u0000 jav\tasc\nript:x')).toBe('javascript:');
    expect(schemeOf('/javascript:x')).toBeNull();
    expect(schemeOf('./javascript:x')).toBeNull();
  });
});

describe('embedded documents and plug-ins', () => {
  it.each([
    '<iframe src="/x/"></iframe>',
    '<object data="/x.swf"></object>',
    '<embed src="/x.swf">',
    '<frameset><frame src="/a/"></frameset>',
    '<base href="https://evil.example/">',
  ])('%s → embedded-content', (body) => {
    expect(rules(page(body))).toContain('embedded-content');
  });
});

describe('scripts the project did not emit', () => {
  const inline = 'console.log(1)';
  const hash = `sha256-${createHash('sha256').update(inline).digest('base64')}`;

  it('an inline script without its hash in the CSP → foreign-script', () => {
    expect(rules(page(`<script>${inline}</script>`))).toEqual(['foreign-script']);
  });

  it('an inline script whose hash the CSP lists passes', () => {
    const html = `<html><head>${meta(`default-src 'self'; script-src 'self' '${hash}'`)}</head><body><script type="module">${inline}</script></body></html>`;
    expect(rules(html)).toEqual([]);
  });

  it.each([
    '<script src="https://cdn.example/lib.js"></script>',
    '<script src="//cdn.example/lib.js"></script>',
    '<script src="/uploads/evil.js"></script>',
    '<script src="data:text/javascript,alert(1)"></script>',
    '<svg><script>alert(1)</script></svg>',
  ])('%s → foreign-script', (body) => {
    expect(rules(page(body))).toContain('foreign-script');
  });
});

describe('markup read as the browser builds it: foreign content, raw text and repair', () => {
  it.each([
    ['<svg><script/><img src=x onerror=alert(1)></svg>', 'event-handler'],
    ['<svg><desc><img src=x onerror=alert(1)></desc></svg>', 'event-handler'],
    ['<svg><style>@import "https://styles.example/x.css";</style></svg>', 'foreign-resource'],
    // The cautious reading: a browser with scripts on reads this as text, one without builds the image.
    ['<noscript><img src=x onerror=alert(1)></noscript>', 'event-handler'],
    ['<img src="/a.png"/onerror=alert(1)>', 'event-handler'],
    ['<image src=x onerror=alert(1)>', 'event-handler'],
    ['<a href="javascript:alert(1)" href="/">x</a>', 'unsafe-url'],
    ['<p><script>alert(1)', 'foreign-script'],
    ['</br onclick=alert(1)><ul><li><a href=//evil.example/ ping=//track.example/>x</ul>', 'foreign-resource'],
  ])('%s → %s', (body, rule) => {
    expect(rules(page(body))).toContain(rule);
  });

  it.each([
    '<title><img src=x onerror=alert(1)></title>',
    '<textarea><script>alert(1)</script></textarea>',
    '<a href="/" href="javascript:alert(1)">x</a>',
    '<!-- <img src=x onerror=alert(1)> -->',
    '<script type="module" src="/_astro/a.js">/* <img onerror=x> */</script>',
  ])('%s is text, a comment or an attribute the browser drops: it passes', (body) => {
    expect(rules(page(body))).toEqual([]);
  });

  it("an SVG script's text is read with its character references decoded, as the browser runs it", () => {
    const raw = '&#97;lert(1)';
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const html = (listed: string) =>
      `<html><head>${meta(`default-src 'self'; script-src 'self' ${hash(listed)}`)}</head><body><svg><script>${raw}</script></svg></body></html>`;
    expect(rules(html(raw))).toEqual(['foreign-script']);
    expect(rules(html('alert(1)'))).toEqual([]);
  });
});

describe('resources from another origin', () => {
  it.each([
    ['<img src="https://img.example/a.png">', '<img src>'],
    ['<img src="//img.example/a.png">', '<img src>'],
    ['<img src="/a.png" srcset="/a.png 1x, https://img.example/2x.png 2x">', '<img srcset>'],
    ['<picture><source srcset="https://img.example/a.webp"><img src="/a.png"></picture>', '<source srcset>'],
    ['<video poster="https://img.example/p.png"></video>', '<video poster>'],
    ['<audio src="https://media.example/a.mp3"></audio>', '<audio src>'],
    ['<p style="background:url(https://img.example/bg.png)">x</p>', '<p style>'],
    ['<form action="https://forms.example/submit"></form>', '<form action>'],
    ['<a href="/" ping="https://track.example/">x</a>', '<a ping>'],
  ])('%s → foreign-resource', (body, what) => {
    expect(messages(page(body))).toEqual([
      expect.stringContaining(`foreign-resource ${what} loads from another origin`),
    ]);
  });

  it.each([
    ['<link rel="stylesheet" href="https://fonts.example/css">', '<link href>'],
    ['<link rel="preload" as="font" href="https://fonts.example/f.woff2">', '<link href>'],
    ['<link rel="icon" href="https://cdn.example/favicon.ico">', '<link href>'],
    ['<link rel="manifest" href="https://cdn.example/m.json">', '<link href>'],
    ['<link href="https://cdn.example/x">', '<link href>'],
    ['<style>@import "https://styles.example/x.css";</style>', '<style url()>'],
    ['<style>@font-face{src:url("https://fonts.example/a.woff2")}</style>', '<style url()>'],
    ['<meta http-equiv="refresh" content="0;url=https://elsewhere.example/">', '<meta http-equiv=refresh>'],
  ])('in the head: %s → foreign-resource', (head, what) => {
    expect(messages(page('', head))).toEqual([expect.stringContaining(`foreign-resource ${what}`)]);
  });

  it.each([
    ['//img.example/a.png'],
    ['\\\\img.example/a.png'],
    ['/\\img.example/a.png'],
    [' //img.example/a.png'],
    ['/\t/img.example/a.png'],
    ['\n//img.example/a.png'],
    ['https://img.example/a.png'],
    ['HTTPS://img.example/a.png'],
  ])('%j loads from another origin, however its slashes are spelt', (url) => {
    expect(foreignOrigin(url, '/syria/deserters/')).toBe('https://img.example');
  });

  it.each([['/a.png'], ['a.png'], ['../a.png'], ['#top'], ['?q=1'], [''], ['./x:y']])('%j stays on the site', (url) => {
    expect(foreignOrigin(url, '/syria/deserters/')).toBeNull();
  });

  it('a CSS file loading a font from another origin', () => {
    const found = scanCss(
      'dist/_astro/site.css',
      'body{background:url(/bg.png)}\n@font-face{src:url(https://fonts.example/a.woff2)}',
      '/_astro/site.css',
    );
    expect(found.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`)).toEqual([
      'dist/_astro/site.css:2:16 foreign-resource',
    ]);
  });
});

describe('the Content-Security-Policy on every page', () => {
  it('a page without one → missing-csp', () => {
    expect(rules('<html><head></head><body><p>x</p></body></html>')).toEqual(['missing-csp']);
  });

  it.each([
    [`default-src *; script-src 'self'`, 'default-src'],
    [`default-src 'self'; script-src 'self' 'unsafe-inline'`, 'unsafe-inline'],
    [`default-src 'self'; img-src 'self' https://img.example`, 'another origin'],
  ])('a weak policy (%s) → missing-csp', (policy, why) => {
    const html = `<html><head>${meta(policy)}</head><body></body></html>`;
    expect(messages(html)).toEqual([expect.stringContaining(why)]);
  });
});

describe('feeds: the HTML a feed reader renders', () => {
  const feed = (
    description: string,
  ) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>
<item><title>x</title><description>${description}</description></item></channel></rss>`;

  it('markup escaped once is live markup in a reader → reported at the element', () => {
    const found = scanFile('updates.xml', feed('&lt;img src=x onerror=alert(1)&gt;'), 'dist/updates.xml');
    expect(found.map((p) => `${p.file}:${p.line} ${p.rule}`)).toEqual(['dist/updates.xml:2 event-handler']);
  });

  it('markup in CDATA is live markup too', () => {
    expect(scanFile('updates.xml', feed('<![CDATA[<a href="javascript:alert(1)">x</a>]]>')).map((p) => p.rule)).toEqual(
      ['unsafe-url'],
    );
  });

  it('markup escaped twice is text and passes', () => {
    expect(scanFile('updates.xml', feed('&amp;lt;img src=x onerror=alert(1)&amp;gt;'))).toEqual([]);
  });
});

describe('SVG files', () => {
  it('an event handler in a published SVG', () => {
    expect(
      scanFile('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>').map((p) => p.rule),
    ).toEqual(['event-handler']);
  });
});

describe('a verdict that holds at any URL, for a page published at two', () => {
  const at = (path: string, html: string) => scanFileVerdict(path, html);

  it('does not depend on the URL when scripts are named from the site root and every other URL reads the same anywhere', () => {
    const html = page(
      '<a href="../other/">up</a><img src="pic.png" alt=""><script type="module" src="/_astro/app.js"></script>',
    );
    expect(at('syria/deserters/index.html', html)).toEqual({ problems: [], dependsOnUrl: false });
    expect(at('syria/2025-12/deserters/index.html', html)).toEqual({ problems: [], dependsOnUrl: false });
  });

  it('depends on the URL when a script is named relative to the page: the same bytes pass at one URL and fail at another', () => {
    const html = page('<script type="module" src="../_astro/app.js"></script>');
    const shallow = at('deserters/index.html', html);
    const deep = at('syria/deserters/index.html', html);
    expect(shallow).toEqual({ problems: [], dependsOnUrl: true });
    expect(deep.problems.map((p) => p.rule)).toEqual(['foreign-script']);
    expect(deep.dependsOnUrl).toBe(true);
  });

  it('counts a script path with leading space as relative, the cautious reading', () => {
    expect(at('x/index.html', page('<script src=" /_astro/app.js"></script>')).dependsOnUrl).toBe(true);
  });
});
