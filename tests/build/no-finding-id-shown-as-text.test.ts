/**
 * A reader meets a finding by its title, never by its id (issue 26): on every built page, no id of a finding on that
 * page appears in the text a reader sees. Ids stay in anchors and links, where they are permanent.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../../scripts/lib/built-pages.ts';
import { urlOfFile } from '../../src/shared/urls.ts';
import { readBuilt, textOf } from '../support/built-html.ts';

/** Ids of the page's own findings (hyphenated ones: a one-word id is an ordinary word) shown in its main text. */
function idsShownAsText(html: string): string[] {
  const doc = parseDocument(html);
  const ids = DomUtils.findAll((el) => /^finding-.+-/.test(el.attribs.id ?? ''), doc.children).map((el) =>
    el.attribs.id.slice('finding-'.length),
  );
  const main = DomUtils.findOne((el) => el.name === 'main', doc.children);
  const text = main ? textOf(main) : '';
  return ids.filter((id) => new RegExp(`(^|[^a-z0-9-])${id}($|[^a-z0-9-])`).test(text));
}

const pagesWithFindings = (dir: string) =>
  listFiles(dir, '.html')
    .map(urlOfFile)
    .map((url) => ({ url, html: readBuilt(dir, url) }))
    .filter((p) => p.html.includes('id="finding-'));

describe('finding ids on built pages', () => {
  it('the measure sees an id written as text (control)', () => {
    const [first] = pagesWithFindings(inject('siteDir'));
    const id = /id="finding-([a-z0-9]+-[a-z0-9-]+)"/.exec(first.html)![1];
    expect(idsShownAsText(first.html)).toEqual([]);
    expect(idsShownAsText(first.html.replace('</main>', `<p>see ${id}</p></main>`))).toEqual([id]);
  });

  it('no page shows a finding id as text', () => {
    const pages = pagesWithFindings(inject('siteDir'));
    expect(pages.length).toBeGreaterThan(20);
    const shown = pages.map((p) => ({ url: p.url, ids: idsShownAsText(p.html) })).filter((p) => p.ids.length > 0);
    expect(shown).toEqual([]);
  });
});
