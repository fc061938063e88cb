/**
 * Search finds each page once: a page published at two URLs (a current profile) is indexed at its canonical URL
 * only, decided on the page's own canonical link; pages without one are indexed where they are.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { digestOf } from '../../src/prerender-tap/rendered-pages.ts';
import { isSearchable, searchablePages } from '../../src/integrations/searchable-pages.ts';
import { canonicalPath } from '../../src/publish/canonical-link.ts';
import { loadCorpus } from '../../src/corpus/corpus.ts';
import { identicalPageKey } from '../../src/site/site-data.ts';

const page = (canonical: string | null, marked = true) =>
  `<!DOCTYPE html><html><head><title>t</title>${canonical === null ? '' : `<link href="${canonical}" rel="canonical">`}` +
  `</head><body><main${marked ? ' data-pagefind-body' : ''}>text</main></body></html>`;

describe('the canonical link of a built page', () => {
  it('is read from the head whatever the attribute order, as a decoded path', () => {
    expect(canonicalPath(page('https://example.org/syria/deserters/'))).toBe('/syria/deserters/');
    expect(canonicalPath(page('https://example.org/sources/a%20b/'))).toBe('/sources/a b/');
  });

  it('is not taken from the body or from a link that is not canonical', () => {
    const inBody =
      '<html><head><link rel="icon" href="/x/"></head><body><link rel="canonical" href="/y/"></body></html>';
    expect(canonicalPath(inBody)).toBeUndefined();
  });
});

describe('a page goes into the search index', () => {
  const current = page('https://example.org/syria/deserters/');
  it('at its canonical URL, not at the other URL of the same page', () => {
    expect(isSearchable('syria/deserters/index.html', current)).toBe(true);
    expect(isSearchable('syria/2025-12/deserters/index.html', current)).toBe(false);
  });

  it('where it is when it names no canonical URL, and never when it is not marked', () => {
    expect(isSearchable('law/qd-9/index.html', page(null))).toBe(true);
    expect(isSearchable('syria/deserters/history/index.html', page(null, false))).toBe(false);
    expect(isSearchable('sources/a.json', page(null))).toBe(false);
  });
});

describe('the searchable pages of a built folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-searchable-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
    return digestOf(Buffer.from(text));
  };
  const current = page('https://example.org/syria/deserters/');
  const currentDigest = write('syria/deserters/index.html', current);
  write('syria/2025-12/deserters/index.html', current);
  write('syria/deserters/history/index.html', page(null, false));
  const lawDigest = write('law/qd-9/index.html', page(null));
  write('sources/a.json', page(null));

  it('are the marked pages at their canonical URL, each with the fingerprint of its bytes on disk', () => {
    const pages = searchablePages(dir);
    expect([...pages]).toEqual([
      ['law/qd-9/index.html', lawDigest],
      ['syria/deserters/index.html', currentDigest],
    ]);
  });

  it('are the same when some were handed to the index while rendering, and when one changed since', () => {
    const fed = new Map([['syria/deserters/index.html', { digest: currentDigest, searchable: true }]]);
    expect([...searchablePages(dir, fed)]).toEqual([...searchablePages(dir)]);
    const older = digestOf(Buffer.from('an older page'));
    const stale = new Map([['syria/deserters/index.html', { digest: older, searchable: true }]]);
    expect([...searchablePages(dir, stale)]).toEqual([...searchablePages(dir)]);
  });

  // A verdict made while rendering is told from a new judgement by one that the page's text contradicts.
  it('keep what was judged while rendering of the same bytes, searchable or not, and judge changed bytes again', () => {
    const judged = new Map([['law/qd-9/index.html', { digest: lawDigest, searchable: false }]]);
    expect([...searchablePages(dir, judged).keys()]).toEqual(['syria/deserters/index.html']);
    const changed = new Map([['law/qd-9/index.html', { digest: currentDigest, searchable: false }]]);
    expect([...searchablePages(dir, changed)]).toEqual([...searchablePages(dir)]);
  });
});

describe('pages published at two URLs', () => {
  const c = loadCorpus('tests/fixtures/valid');
  it("are a current profile's current URL and its edition URL, and nothing else", () => {
    expect(identicalPageKey('/testland/evaders/', c)).toBe('/testland/evaders/');
    expect(identicalPageKey('/testland/2024-06/evaders/', c)).toBe('/testland/evaders/');
    // A superseded edition's copy and a retired profile's current URL are pages of their own.
    expect(identicalPageKey('/testland/2023-01/evaders/', c)).toBeUndefined();
    expect(identicalPageKey('/testland/deserters/', c)).toBeUndefined();
    expect(identicalPageKey('/testland/', c)).toBeUndefined();
  });
});
