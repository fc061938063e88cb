/**
 * Every profile page offers a citation of itself, of each conclusion and of each finding, in the HTML itself (so
 * a reader without JavaScript can select it), each in one "Cite" disclosure with the permanent link to the edition
 * copy of the page.
 */
import { DomUtils } from 'htmlparser2';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../../scripts/lib/built-pages.ts';
import { urlOfFile } from '../../src/shared/urls.ts';
import { loadPage, textOf, type Element, type Page } from '../support/built-html.ts';

const FULL_DATE =
  /\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/;

function profilePages(dir: string): string[] {
  // A profile page is any page with a conclusion or a finding; its edition copy has the URL /<country>/<yyyy-mm>/<id>/.
  return listFiles(dir, '.html')
    .map(urlOfFile)
    .filter((u) => /^\/[^/]+\/(\d{4}-\d{2}\/)?[^/]+\/$/.test(u) && !/\/(sources|law|search)\//.test(u));
}

const byClass = (root: Element | Page['doc'], cls: string) =>
  DomUtils.findAll(
    (el) => (el.attribs.class ?? '').split(/\s+/).includes(cls),
    'children' in root ? root.children : [],
  );
const citationOf = (el: Element, style: string) => {
  const dd = DomUtils.findOne((d) => d.attribs['data-citation'] === style, el.children);
  return dd ? textOf(dd) : undefined;
};

function checkSite(dir: string) {
  let items = 0;
  for (const url of profilePages(dir)) {
    const page = loadPage(dir, url);
    const sections = [...byClass(page.doc, 'conclusion'), ...byClass(page.doc, 'finding')];
    if (sections.length === 0) continue;
    const citePage = byClass(page.doc, 'cite-page');
    expect(citePage, `${url} has "Cite this page"`).toHaveLength(1);
    const editionPath = byClass(citePage[0], 'permalink')[0]?.attribs.href;
    expect(editionPath, `${url} shows its permanent link`).toMatch(/^\/[^/]+\/\d{4}-\d{2}\/[^/]+\/$/);
    for (const section of sections) {
      items++;
      const where = `${url}#${section.attribs.id}`;
      const box = byClass(section, 'cite-this')[0];
      expect(box, `${where} has a citation`).toBeDefined();
      const plain = citationOf(box, 'plain')!;
      const oscola = citationOf(box, 'oscola')!;
      for (const text of [plain, oscola]) {
        expect(text, where).toMatch(FULL_DATE);
        expect(text, where).toContain(`${editionPath}#${section.attribs.id}`);
        expect(text, where).toMatch(/accessed \[date\]\.?\)?\.$/);
      }
      // The permanent link is in the item's one "Cite" disclosure, shown as its absolute URL.
      const permalink = byClass(box, 'permalink')[0];
      expect(box.name, `${where}: the citation is a disclosure`).toBe('details');
      expect(permalink?.attribs.href, `${where} has a visible permalink`).toBe(`${editionPath}#${section.attribs.id}`);
      expect(textOf(permalink), where).toMatch(/^Permalink to (conclusion|finding): \S.*: https?:\/\/\S+#\S+$/);
    }
  }
  return items;
}

describe('every conclusion and finding can be cited and has a permalink', () => {
  it('in the site built from content/', () => {
    expect(checkSite(inject('siteDir'))).toBeGreaterThan(20);
  });
  it('in the valid fixture', () => {
    expect(checkSite(inject('fixtureSiteDir'))).toBeGreaterThan(3);
  });
});
