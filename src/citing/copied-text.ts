/**
 * Finds runs of words that content shares with a source text. Content must be in our own words: facts carry
 * over, sentences do not, so no run of `n` (default 10) consecutive words may match a source.
 */

/** Lower-cased words, with citations, markup and punctuation dropped. */
export function words(text: string): string[] {
  return (
    text
      .replace(/\[@[^\]]*\]/g, ' ')
      .replace(/<[^>]*>/g, ' ')
      .toLowerCase()
      .replace(/[’']/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Every run of `n` consecutive words in a text, joined by spaces. */
export function shingles(text: string, n = 10): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

/** The runs of `n` words that `content` shares with any of the `sources`, longest overlaps merged. */
export function sharedRuns(content: string, sources: Set<string>, n = 10): string[] {
  const w = words(content);
  const runs: string[] = [];
  let i = 0;
  while (i + n <= w.length) {
    if (!sources.has(w.slice(i, i + n).join(' '))) {
      i++;
      continue;
    }
    let end = i + n;
    while (end < w.length && sources.has(w.slice(end - n + 1, end + 1).join(' '))) end++;
    runs.push(w.slice(i, end).join(' '));
    i = end;
  }
  return runs;
}
