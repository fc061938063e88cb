import { describe, expect, it } from 'vitest';
import type { Corpus, ProfileEntry } from '../../../src/lib/corpus.ts';
import { relianceItems } from '../../../src/lib/reliance-list.ts';
import type { Reliance } from '../../../src/lib/site-data.ts';

const profile = (title: string) =>
  ({
    id: 'syria/2024-04/deserters',
    country: 'syria',
    edition: 'syria-2024-04',
    month: '2024-04',
    profile: 'deserters',
    data: { title },
  }) as unknown as ProfileEntry;
const corpus = {
  editions: new Map([['syria-2024-04', { data: { label: 'April 2024', supersededBy: 'syria-2025-06' } }]]),
} as unknown as Corpus;
const reliance = (over: Partial<Reliance>): Reliance => ({
  profile: profile('Military deserters'),
  finding: { id: 'field-courts', title: 'Field courts', text: 'Executions were counted.' },
  locators: ['sec. VI'],
  conclusions: [],
  ...over,
});

describe('the list of what relies on a source', () => {
  it('links each finding and each conclusion resting on it, with the edition and the pinpoint', () => {
    const html = relianceItems(corpus, [
      reliance({ conclusions: [{ profile: profile('Military deserters'), key: 'risk' }] }),
    ]);
    expect(html).toContain(
      '<a href="/syria/2024-04/deserters/"><strong>Military deserters</strong></a>, April 2024 edition (superseded)',
    );
    expect(html).toContain(
      '<a href="/syria/2024-04/deserters/#finding-field-courts">Field courts</a>, cited at sec. VI',
    );
    expect(html).toContain(
      'Conclusions resting on it: <a href="/syria/2024-04/deserters/#conclusion-risk">Military deserters: Level of risk</a>',
    );
  });

  it('shows content as text, never as markup', () => {
    const html = relianceItems(corpus, [
      reliance({
        finding: { id: 'x', title: '<script>alert(1)</script>', text: 'a "quoted" & <b>bold</b> claim' },
        locators: ["p. 3'"],
      }),
    ]);
    expect(html).not.toMatch(/<script|<b>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt; claim');
    expect(html).toContain('p. 3&#39;');
  });

  it('cuts a long finding text with an ellipsis and cites the whole source when there is no pinpoint', () => {
    const html = relianceItems(corpus, [
      reliance({ finding: { id: 'x', title: 'X', text: 'x'.repeat(300) }, locators: [''] }),
    ]);
    expect(html).toContain(`${'x'.repeat(240)}…</p>`);
    expect(html).toContain('cited at the whole source');
  });

  it('groups the uses of one profile and edition, a citation outside any finding included', () => {
    const html = relianceItems(corpus, [reliance({}), reliance({ finding: undefined, locators: ['art. 9'] })]);
    expect(html.match(/<strong>Military deserters<\/strong>/g)).toHaveLength(1);
    expect(html).toContain('Cited in the profile’s reasoning and other text at art. 9');
  });
});
