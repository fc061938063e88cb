/**
 * A feed reader decodes the XML once and renders title and description as HTML: hostile or odd text from content
 * must come out as the same text, never as markup.
 */
import { getRssString } from '@astrojs/rss';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { feedItems } from '../../src/site/feed.ts';
import type { Update } from '../../src/site/updates.ts';

const hostile: Update = {
  country: 'syria',
  editionId: 'syria-2025-12',
  title: 'Edition <img src=x onerror=alert(1)> &lt;b&gt;',
  published: '2025-12-01',
  summary: 'Summary <script>alert(1)</script> &lt;b&gt;bold?&lt;/b&gt; & "quotes"',
  changes: ['A change <svg onload=alert(1)>'],
};

/** What a reader shows for one item field: XML-decoded once, then rendered as HTML. */
async function asReaderSees(field: 'title' | 'description') {
  const xml = await getRssString({
    title: 't',
    description: 'd',
    site: 'https://country-guidance.example',
    items: feedItems([hostile]),
  });
  const item = DomUtils.findOne((e) => e.name === 'item', parseDocument(xml, { xmlMode: true }).children)!;
  const html = DomUtils.textContent(DomUtils.findOne((e) => e.name === field, [item])!);
  const doc = parseDocument(html);
  return { elements: DomUtils.findAll(() => true, doc.children).map((e) => e.name), text: DomUtils.textContent(doc) };
}

describe('the updates feed shows text from content as text', () => {
  it('a hostile title is shown as its characters, with no element', async () => {
    const seen = await asReaderSees('title');
    expect(seen.elements).toEqual([]);
    expect(seen.text).toBe(hostile.title);
  });

  it("a hostile summary and change are shown as their characters, inside the feed's own paragraph and list", async () => {
    const seen = await asReaderSees('description');
    expect(seen.elements).toEqual(['p', 'ul', 'li']);
    expect(seen.text).toBe(hostile.summary + hostile.changes[0]);
  });
});
