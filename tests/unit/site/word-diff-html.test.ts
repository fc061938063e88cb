import { describe, expect, it } from 'vitest';
import { wordDiffHtml } from '../../../src/site/word-diff-html.ts';

describe('a word-level difference on a comparison page', () => {
  it('marks insertions and deletions, and names each for screen readers', () => {
    const html = wordDiffHtml([
      { text: 'Deserters were ', change: 'same' },
      { text: 'executed', change: 'removed' },
      { text: 'detained', change: 'added' },
      { text: ' in 2024.', change: 'same' },
    ]);
    expect(html).toBe(
      ' Deserters were <del><span class="visually-hidden">[removed: </span>executed<span class="visually-hidden">]</span></del>' +
        '<ins><span class="visually-hidden">[added: </span>detained<span class="visually-hidden">]</span></ins> in 2024. ',
    );
  });

  it('shows the words of a finding as text, never as markup', () => {
    const html = wordDiffHtml([
      { text: '<script>alert(1)</script> & "quoted"', change: 'added' },
      { text: "it's <b>", change: 'same' },
    ]);
    expect(html).not.toMatch(/<script|<b>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;');
    expect(html).toContain('it&#39;s &lt;b&gt;');
  });
});
