/**
 * A word-level difference as HTML text (see html.ts for why): comparison pages hold thousands of runs, which Astro
 * would render one expression at a time. Insertions and deletions are named for screen readers too.
 */
import type { WordRun } from './compare-editions.ts';
import { text } from './html.ts';

const MARKED = { added: ['ins', '[added: '], removed: ['del', '[removed: '] } as const;

function run({ text: words, change }: WordRun): string {
  if (change === 'same') return text(words);
  const [tag, label] = MARKED[change];
  return `<${tag}><span class="visually-hidden">${label}</span>${text(words)}<span class="visually-hidden">]</span></${tag}>`;
}

/** The inside of a `<p class="word-diff">`, spaced as Astro spaces the same markup. */
export function wordDiffHtml(runs: readonly WordRun[]): string {
  return ` ${runs.map(run).join('')} `;
}
