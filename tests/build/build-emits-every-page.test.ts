/**
 * The valid fixture (one country, two editions, a profile dropped between them, three sources, one provision),
 * built by the global setup with the real `astro build`, and read back as a reader's browser would get it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../../scripts/lib/built-pages.ts';
import { urlOfFile } from '../../src/shared/urls.ts';
import { exists, hrefsIn, loadPage, readBuilt, textOf, withClass } from '../support/built-html.ts';

const dir = inject('fixtureSiteDir');

describe('the build emits a page for every country, edition, profile (current and per edition), source and provision', () => {
  it.each([
    ['/', 'home'],
    ['/testland/', 'country'],
    ['/testland/2023-01/', 'superseded edition'],
    ['/testland/2024-06/', 'current edition'],
    ['/testland/2023-01/deserters/', 'profile in the edition that has it'],
    ['/testland/2023-01/evaders/', 'profile in the old edition'],
    ['/testland/2024-06/evaders/', 'profile in the current edition'],
    ['/testland/evaders/', 'current URL of a carried-forward profile'],
    ['/testland/deserters/', 'current URL of a profile not carried forward'],
    ['/testland/evaders/history/', 'history of a profile'],
    ['/testland/deserters/history/', 'history of a dropped profile'],
    ['/sources/', 'source register'],
    ['/sources/report-2022/', 'source'],
    ['/sources/news-2024/', 'source'],
    ['/sources/eu-qd/', 'source'],
    ['/sources/report-2022.bib', 'BibTeX export'],
    ['/sources/report-2022.json', 'CSL-JSON export'],
    ['/law/', 'law index'],
    ['/law/qd-9/', 'provision'],
    ['/404.html', 'not-found page'],
  ])('%s (%s)', (url) => {
    expect(exists(dir, url), `${url} is missing from ${dir}`).toBe(true);
  });

  it('emits no page for a profile an edition does not have', () => {
    const profilePages = listFiles(dir, '.html')
      .map(urlOfFile)
      .filter((u) => /^\/testland\/\d{4}-\d{2}\/[^/]+\/$/.test(u));
    expect(profilePages.sort()).toEqual([
      '/testland/2023-01/deserters/',
      '/testland/2023-01/evaders/',
      '/testland/2024-06/evaders/',
    ]);
  });

  it('keeps the current URL of a profile that was not carried forward, saying so and linking its old version', () => {
    const page = loadPage(dir, '/testland/deserters/');
    expect(page.text()).toContain('Not carried forward');
    expect(page.links().map((l) => l.href)).toContain('/testland/2023-01/deserters/');
  });

  it('exports each source as BibTeX and CSL-JSON under its id', () => {
    expect(readBuilt(dir, '/sources/report-2022.bib')).toMatch(/@\w+\{report-2022,/);
    expect(JSON.parse(readBuilt(dir, '/sources/report-2022.json'))).toEqual([
      expect.objectContaining({ id: 'report-2022' }),
    ]);
  });
});

/** The pages in the built search index and the text indexed for each (a Pagefind fragment is gzip'd JSON). */
function searchIndex(): Map<string, string> {
  const fragments = join(dir, 'pagefind/fragment');
  return new Map(
    readdirSync(fragments).map((f) => {
      const json = gunzipSync(readFileSync(join(fragments, f)))
        .toString('utf8')
        .replace(/^pagefind_dcd/, '');
      const { url, content } = JSON.parse(json) as { url: string; content: string };
      return [url, content] as const;
    }),
  );
}
const indexed = () => [...searchIndex().keys()];

describe('a current profile is one page at two URLs', () => {
  it('publishes the same bytes at its current URL and at its edition URL, which stays the citable permalink', () => {
    expect(readBuilt(dir, '/testland/evaders/')).toBe(readBuilt(dir, '/testland/2024-06/evaders/'));
    expect(
      loadPage(dir, '/testland/evaders/')
        .links()
        .map((l) => l.href),
    ).toContain('/testland/2024-06/');
  });

  it('is found in search once, at its current URL; a superseded version is found at its edition URL', () => {
    const urls = indexed();
    expect(urls).toContain('/testland/evaders/');
    expect(urls).not.toContain('/testland/2024-06/evaders/');
    expect(urls).toContain('/testland/2023-01/evaders/');
    expect(new Set(urls).size).toBe(urls.length);
  });
});

describe('a source page in search', () => {
  it('is found by its own title and description, not by the findings listed as relying on it', () => {
    const text = searchIndex().get('/sources/report-2022/') ?? '';
    expect(text).toContain('Testland: military service');
    expect(loadPage(dir, '/sources/report-2022/').text()).toContain('Prison terms for desertion');
    expect(text).not.toContain('Prison terms for desertion');
  });
});

describe('a superseded profile page says "Superseded" and links to the current page', () => {
  const page = loadPage(dir, '/testland/2023-01/evaders/');
  const notice = page.all('aside').find((a) => a.attribs.role === 'note');

  it('shows a superseded notice', () => {
    expect(notice, 'no role="note" notice on the superseded profile').toBeDefined();
    expect(textOf(notice!)).toMatch(/Superseded/);
    expect(page.all('h1').map(textOf)).toEqual(['Draft evaders']);
  });

  it('links from the notice to the current version of the profile', () => {
    expect(hrefsIn(notice!)).toContain('/testland/evaders/');
  });

  it('does not show the notice on the current version', () => {
    const current = loadPage(dir, '/testland/evaders/');
    expect(current.all('aside').filter((a) => /superseded/i.test(textOf(a)))).toEqual([]);
    expect(current.text()).toContain('Current');
  });
});

describe('citations link to their sources, and sources link back to the findings that cite them', () => {
  const citationLinks = (url: string) => withClass(loadPage(dir, url), 'cite').flatMap(hrefsIn);

  it.each([
    ['/testland/2023-01/deserters/', ['/sources/report-2022/', '/sources/eu-qd/']],
    ['/testland/2023-01/evaders/', ['/sources/report-2022/']],
    ['/testland/2024-06/evaders/', ['/sources/news-2024/']],
    ['/testland/evaders/', ['/sources/news-2024/']],
  ])('every citation on %s renders as a link to /sources/<id>/', (url, expected) => {
    expect(citationLinks(url)).toEqual(expected);
    for (const href of expected) expect(exists(dir, href)).toBe(true);
    expect(loadPage(dir, url).text(), 'an unrendered [@key] citation').not.toMatch(/\[@/);
  });

  it('the source page lists each finding citing it, linked to #finding-<id> on the edition page', () => {
    const hrefs = loadPage(dir, '/sources/report-2022/')
      .links()
      .map((l) => l.href);
    expect(hrefs).toEqual(
      expect.arrayContaining([
        '/testland/2023-01/deserters/#finding-penalties',
        '/testland/2023-01/evaders/#finding-call-ups',
      ]),
    );
    expect(loadPage(dir, '/testland/2023-01/deserters/').byId('finding-penalties')).not.toBeNull();
    expect(loadPage(dir, '/testland/2023-01/evaders/').byId('finding-call-ups')).not.toBeNull();
  });

  it('a source no finding cites any more keeps only the findings that still do', () => {
    const hrefs = loadPage(dir, '/sources/news-2024/')
      .links()
      .map((l) => l.href)
      .filter((h) => h.includes('#finding-'));
    expect(hrefs).toEqual(['/testland/2024-06/evaders/#finding-end-of-conscription']);
  });
});

describe('markup in a source title or description appears escaped, never as markup', () => {
  const pages = listFiles(dir, '.html').map(urlOfFile);

  it('shows the title with its <em> tags as text', () => {
    const page = loadPage(dir, '/sources/report-2022/');
    expect(page.all('h1').map(textOf)).toEqual(['Testland: military service <em>report</em>']);
    expect(page.text()).toContain('<script>alert(1)</script> must show as text');
  });

  it.each(pages)('%s has no <em> or <script> element that came from source text', (url) => {
    const page = loadPage(dir, url);
    expect(page.all('em').map(textOf)).not.toContain('report');
    expect(
      page
        .all('script')
        .map(textOf)
        .filter((t) => t.includes('alert(1)')),
    ).toEqual([]);
  });
});
