import { describe, expect, it } from 'vitest';
import type { Corpus, ProfileEntry } from '../../../src/corpus/corpus.ts';
import { relianceLists } from '../../../src/site/reliance-list.ts';
import type { Reliance } from '../../../src/site/site-data.ts';

const profile = (title: string, month = '2025-06', slug = 'deserters') =>
  ({
    id: `syria/${month}/${slug}`,
    country: 'syria',
    edition: `syria-${month}`,
    month,
    profile: slug,
    data: { title },
  }) as unknown as ProfileEntry;
const corpus = {
  editions: new Map([
    ['syria-2024-04', { data: { label: 'April 2024', supersededBy: 'syria-2025-06' } }],
    ['syria-2025-06', { data: { label: 'June 2025' } }],
  ]),
} as unknown as Corpus;
const relianceItems = (c: Corpus, list: Reliance[]) => relianceLists(c, list).current;
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
      '<a href="/syria/2025-06/deserters/"><strong>Military deserters</strong></a>, June 2025 edition',
    );
    expect(html).toContain(
      '<a href="/syria/2025-06/deserters/#finding-field-courts">Field courts</a>, cited at sec. VI',
    );
    expect(html).toContain(
      'Conclusions resting on it: <a href="/syria/2025-06/deserters/#conclusion-risk">Military deserters: Level of risk</a>',
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

  it('lists superseded editions by edition, each profile with its findings linked and their pinpoints', () => {
    const old = (slug: string, title: string, over: Partial<Reliance> = {}) =>
      reliance({ profile: profile(title, '2024-04', slug), ...over });
    const lists = relianceLists(corpus, [
      reliance({}),
      old('deserters', 'Military deserters'),
      old('deserters', 'Military deserters', {
        finding: { id: 'amnesty', title: 'Amnesty', text: 'x' },
        locators: [''],
      }),
      old('returnees', 'Returnees <b>', { finding: undefined }),
    ]);
    expect(lists.current).toContain('June 2025 edition');
    expect(lists.current).not.toContain('April 2024');
    expect(lists.superseded).toContain(
      '<strong>April 2024 edition</strong> (superseded): 2 profiles cited it in 2 findings',
    );
    expect(lists.superseded).toContain(
      '<li><a href="/syria/2024-04/deserters/">Military deserters</a>: ' +
        '<a href="/syria/2024-04/deserters/#finding-field-courts">Field courts</a> (sec. VI), ' +
        '<a href="/syria/2024-04/deserters/#finding-amnesty">Amnesty</a> (the whole source)</li>',
    );
    expect(lists.superseded).toContain(
      '<li><a href="/syria/2024-04/returnees/">Returnees &lt;b&gt;</a>: the profile’s reasoning and other text (sec. VI)</li>',
    );
    expect(lists.superseded).not.toContain('Executions were counted');
  });

  it('leaves current guidance empty when only superseded editions cited the source', () => {
    const lists = relianceLists(corpus, [reliance({ profile: profile('Military deserters', '2024-04') })]);
    expect(lists.current).toBe('');
    expect(lists.superseded).toContain('1 profile cited it in 1 finding');
  });
});
