/** Reference-manager exports are files of the build, for each source and the whole register; no citation library ships. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../../scripts/lib/built-pages.ts';
import { exists, loadPage, readBuilt } from '../support/built-html.ts';
import { readBiblatex, readBiblatexWithCitationJs, readRis } from '../support/read-exports.ts';

describe.each([
  ['the site', () => inject('siteDir')],
  ['the valid fixture', () => inject('fixtureSiteDir')],
])('exports of %s', (_, dir) => {
  it('the whole register in CSL-JSON, biblatex and RIS, with one entry per source, linked from /sources/', () => {
    const csl = JSON.parse(readBuilt(dir(), '/sources/register.json')) as { id: string }[];
    const ids = csl.map((i) => i.id);
    expect(ids.length).toBeGreaterThan(2);
    const titles = csl.map((i) => (i as { title?: string }).title);
    // Two independent readers of biblatex, one of RIS: one record per source, in register order.
    const bib = readBuilt(dir(), '/sources/register.bib');
    expect(readBiblatex(bib).map((e) => [e.key, e.fields.title])).toEqual(ids.map((id, i) => [id, titles[i]]));
    expect(readBiblatexWithCitationJs(bib).map((e) => e.id)).toEqual(ids);
    expect(readRis(readBuilt(dir(), '/sources/register.ris')).map((r) => r.fields.title)).toEqual(titles);
    const links = loadPage(dir(), '/sources/')
      .links()
      .map((l) => l.href);
    expect(links).toEqual(
      expect.arrayContaining(['/sources/register.json', '/sources/register.bib', '/sources/register.ris']),
    );
  });

  it('each source in every format, linked from its page', () => {
    const csl = JSON.parse(readBuilt(dir(), '/sources/register.json')) as { id: string }[];
    for (const { id } of csl) {
      for (const ext of ['json', 'bib', 'ris']) {
        expect(exists(dir(), `/sources/${id}.${ext}`), `/sources/${id}.${ext}`).toBe(true);
        expect(
          loadPage(dir(), `/sources/${id}/`)
            .links()
            .map((l) => l.href),
          id,
        ).toContain(`/sources/${id}.${ext}`);
      }
    }
  });

  it('ships nothing of citation-js to the browser', () => {
    const LIBRARY = /citation-js|@bibtex|citeproc/i;
    const scripts = listFiles(dir(), '.js')
      .filter((f) => !f.startsWith('pagefind/'))
      .map((f) => [f, readFileSync(join(dir(), f), 'utf8')]);
    const inline = listFiles(dir(), '.html').flatMap((f) =>
      [...readFileSync(join(dir(), f), 'utf8').matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => [f, m[1]]),
    );
    expect(scripts.length + inline.length, 'the site has scripts to check').toBeGreaterThan(0);
    expect([...scripts, ...inline].filter(([, code]) => LIBRARY.test(code)).map(([f]) => f)).toEqual([]);
  });
});
