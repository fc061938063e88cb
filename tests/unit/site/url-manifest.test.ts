import { describe, expect, it } from 'vitest';
import { compareWithBuild, formatUrlRecord, isPublication, parseUrlRecord } from '../../../src/site/url-manifest.ts';
import { urlOfFile } from '../../../src/shared/urls.ts';

describe('the record of published URLs', () => {
  it('reads URLs and redirects, skipping comments and blank lines', () => {
    const record = parseUrlRecord('# header\n\n/syria/\n/syria/old/ -> /syria/new/\n');
    expect([...record.published]).toEqual(['/syria/', '/syria/old/']);
    expect(record.redirects).toEqual(new Map([['/syria/old/', '/syria/new/']]));
    expect(record.errors).toEqual([]);
  });

  it('names the line of anything that is not a site path or a redirect', () => {
    const record = parseUrlRecord('/ok/\nhttps://example.org/x\n/a/ -> /b/ -> /c/\n/a b/\n');
    expect(record.errors.map((e) => e.line)).toEqual([2, 3, 4]);
  });

  it('writes back sorted, with each redirect on its old URL, and reads back the same', () => {
    const text = formatUrlRecord(['/b/', '/a/', '/old/', '/a/'], new Map([['/old/', '/a/']]));
    expect(text.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual(['/a/', '/b/', '/old/ -> /a/']);
    const again = parseUrlRecord(text);
    expect([...again.published]).toEqual(['/a/', '/b/', '/old/']);
  });

  it('serves a folder index at its folder URL and any other file at its own path', () => {
    expect(urlOfFile('index.html')).toBe('/');
    expect(urlOfFile('syria/deserters/index.html')).toBe('/syria/deserters/');
    expect(urlOfFile('sources/a.bib')).toBe('/sources/a.bib');
    expect(urlOfFile('404.html')).toBe('/404.html');
  });

  it('does not count hashed assets and the search index as publications', () => {
    expect(isPublication('_astro/index.abc123.css')).toBe(false);
    expect(isPublication('pagefind/pagefind.js')).toBe(false);
    expect(isPublication('updates.xml')).toBe(true);
  });

  it('says which recorded URLs a build no longer serves, and which served URLs are new', () => {
    const record = parseUrlRecord('/a/\n/b/\n/moved/ -> /a/\n');
    expect(compareWithBuild(record, new Set(['/a/', '/moved/', '/c/']))).toEqual({
      missing: ['/b/'],
      unrecorded: ['/c/'],
    });
  });
});
