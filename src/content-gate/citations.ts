/**
 * The citation grammar: pandoc clusters `[@source, locator; @other, locator]` inside the text of a paragraph, as
 * the MDX parser hands it over (escapes and entities already resolved, smart punctuation applied).
 */

/** One source cited in a cluster. `offset` is the file offset of its `@`. */
export interface CiteItem {
  key: string;
  locator: string;
  offset: number;
}

/** A citation cluster. `start`/`end` index the text node's value; `offset`/`fileEnd` are file offsets. */
export interface CiteCluster {
  offset: number;
  end: number;
  items: CiteItem[];
  /** The finding the cluster stands in, if any. */
  findingId?: string;
}

/** A cluster found in one text value, with its place in that value for rewriting. */
export interface TextCluster extends CiteCluster {
  start: number;
  stop: number;
}

export interface CitationProblem {
  offset: number;
  message: string;
  hint: string;
}

/**
 * Maps each character of a parsed text value back to its file offset, and marks characters that were escaped in
 * the source (`\[` is a literal bracket, never a citation). The parser keeps the source's characters except for
 * escapes, character references, smart punctuation and the indentation of continuation lines.
 */
export function alignText(value: string, source: string, base: number): { offsets: number[]; escaped: boolean[] } {
  const offsets: number[] = [];
  const escaped: boolean[] = [];
  if (value === source) {
    for (let i = 0; i < value.length; i++) offsets.push(base + i);
    return { offsets, escaped: new Array(value.length).fill(false) };
  }
  let j = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    // Indentation and blockquote markers of continuation lines are in the source, not in the value.
    if (c !== ' ' && c !== '\t')
      while (j < source.length && source[j] !== c && (source[j] === ' ' || source[j] === '\t' || source[j] === '>'))
        j++;
    escaped.push(false);
    if (source[j] === c) {
      offsets.push(base + j++);
    } else if (source[j] === '\\' && source[j + 1] === c) {
      offsets.push(base + j + 1);
      escaped[i] = true;
      j += 2;
    } else if (source[j] === '&' && /^&(?:#[xX][0-9a-fA-F]+|#\d+|[A-Za-z][A-Za-z0-9]*);/.test(source.slice(j))) {
      offsets.push(base + j);
      escaped[i] = true;
      j += /^&[^;]*;/.exec(source.slice(j))![0].length;
    } else if (c === '\u2013' && source.startsWith('--', j)) {
      offsets.push(base + j);
      j += 2;
    } else if ((c === '\u2014' || c === '\u2026') && /^(?:---|\.\.\.)/.test(source.slice(j))) {
      offsets.push(base + j);
      j += 3;
    } else {
      offsets.push(base + Math.min(j, source.length));
      j++;
    }
  }
  return { offsets, escaped };
}

const ITEM = /^@([^\s,;\]]+)\s*(?:,\s*([\s\S]*))?$/;

/** Finds the citation clusters in one text value; anything that starts like a citation and is not one is a problem. */
export function findCitations(
  value: string,
  offsets: number[],
  escaped: boolean[],
): { clusters: TextCluster[]; problems: CitationProblem[] } {
  const clusters: TextCluster[] = [];
  const problems: CitationProblem[] = [];
  const at = (i: number) => offsets[Math.min(i, offsets.length - 1)] ?? 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '[' || escaped[i]) continue;
    const close = value.indexOf(']', i);
    const inside = close === -1 ? value.slice(i + 1) : value.slice(i + 1, close);
    if (value[i + 1] !== '@') {
      if (close !== -1 && /(^|\s)@[a-z0-9]/.test(inside)) {
        problems.push({
          offset: at(i),
          message: `"[${inside}]" looks like a citation with words before the @`,
          hint: 'citation prefixes are not supported: write the words outside, e.g. see [@source-id, p. 3]',
        });
        i = close;
      }
      continue;
    }
    const nextOpen = value.indexOf('[', i + 1);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      problems.push({
        offset: at(i),
        message: 'citation is not closed',
        hint: 'end the citation with ], e.g. [@source-id, p. 8]; a citation holds plain text only, no formatting or links',
      });
      continue;
    }
    const items: CiteItem[] = [];
    let pos = i + 1;
    let bad = false;
    for (const raw of inside.split(';')) {
      const lead = raw.length - raw.trimStart().length;
      const m = ITEM.exec(raw.trim());
      if (!m) {
        problems.push({
          offset: at(pos + lead),
          message: `"${raw.trim()}" is not a citation item; each item starts with @source-id`,
          hint: 'write [@source-id, locator; @other-id, locator]',
        });
        bad = true;
        break;
      }
      items.push({ key: m[1], locator: (m[2] ?? '').replace(/\s+/g, ' ').trim(), offset: at(pos + lead) });
      pos += raw.length + 1;
    }
    if (!bad) clusters.push({ offset: at(i), end: at(close) + 1, items, start: i, stop: close + 1 });
    i = close;
  }
  return { clusters, problems };
}
