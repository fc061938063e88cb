/**
 * What Pagefind is handed of a searchable page: the page without the parts it would read and then leave out of the
 * index. Pagefind leaves out the text of an element marked `data-pagefind-ignore`, but it still parses every byte of
 * it, and on a profile page those parts are most of the page: the citation forms of each conclusion and finding, the
 * references, the editions box (56 % of the text of the pages it indexes at 1,000 profiles). Reading them was a third
 * of the time Pagefind took to take the pages in (3.1 s, against 2.0 s without them), and a rebuild waits for it.
 *
 * An ignored element is cut, start tag to end tag, only when nothing in it can reach the index: no attribute of
 * Pagefind's other than the mark itself (a filter, a meta field, a sort key or a weight is still read inside an
 * ignored element), no heading, no image, an end tag written in the page (an element htmlparser2 closes by
 * implication is kept whole, as is anything the two parsers could see differently), and whitespace or a tag on
 * either side. A page where any of that cannot be told for sure is handed over whole: the cut only ever saves time,
 * and Pagefind builds the same index either way (tests/unit/search-input.test.ts and, on the real site and the
 * fixture, tests/build/search-index-is-what-whole-pages-give.test.ts index both and compare every file).
 */
import { Parser } from 'htmlparser2';

const IGNORE = 'data-pagefind-ignore';

/** How every attribute of Pagefind's begins. */
const MARK = 'data-pagefind-';

/** Attributes by which an element inside an ignored one still reaches the index. */
const REACHES_INDEX = /^data-pagefind-(?!ignore$)/;

/** Elements Pagefind may take a page's default title or image from, or an anchor. */
const READ_ANYWHERE = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'img']);

interface Open {
  name: string;
  start: number;
  ignored: boolean;
  /** Something inside reaches the index: the element must stay. */
  keep: boolean;
}

/** Elements with no end tag, which htmlparser2 closes as it opens them. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** The spans [start, end) of the outermost ignored elements that can be cut, in order. */
export function cuttableSpans(text: string): [number, number][] {
  if (!text.includes(IGNORE)) return [];
  const open: Open[] = [];
  const spans: [number, number][] = [];
  /** Nothing open now may be cut: something in it was not closed as written. */
  const keepOpen = () => {
    for (const o of open) o.keep = true;
  };
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        const reaches = READ_ANYWHERE.has(name) || Object.keys(attribs).some((a) => REACHES_INDEX.test(a));
        if (reaches) keepOpen();
        open.push({ name, start: parser.startIndex, ignored: IGNORE in attribs, keep: reaches });
      },
      onclosetag(name, isImplied) {
        const element = open.pop();
        if (!element || element.name !== name || (isImplied && !VOID.has(name))) return keepOpen();
        if (!element.ignored || element.keep || isImplied) return;
        const end = parser.endIndex + 1;
        // Only an element that begins with its own start tag and ends with its own end tag, as written.
        const startTag = text.slice(element.start, element.start + name.length + 1).toLowerCase();
        const endTag = text.slice(parser.startIndex, end).toLowerCase();
        const closes = endTag.startsWith(`</${name}`) && /^\s*>$/.test(endTag.slice(name.length + 2));
        if (startTag !== `<${name}` || !closes) return keepOpen();
        while (spans.length && spans[spans.length - 1][0] >= element.start) spans.pop();
        spans.push([element.start, end]);
      },
    },
    { lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(text);
  parser.end();
  return spans;
}

/** Whether Pagefind's attributes other than the ignore mark are written in `text` between `from` and `to`, as text. */
function marksBetween(text: string, from: number, to: number): boolean {
  for (let at = text.indexOf(MARK, from); at !== -1 && at + MARK.length <= to; at = text.indexOf(MARK, at + 1))
    if (!text.startsWith(IGNORE, at) || at + IGNORE.length > to) return true;
  return false;
}

/** Whitespace, or the edge of a tag: what may stand either side of a cut without joining two words into one. */
const EDGE = /[\s<>]/;

/**
 * A span of `text` as cuttableSpans gives them: one ignored element, start tag to end tag, after `after`, with
 * whitespace or a tag on either side (so the text either side is not joined into one word) and none of Pagefind's
 * attributes but the ignore mark written in it.
 */
function isCuttable(text: string, [start, end]: [number, number], after: number): boolean {
  if (!(start >= after && start < end && end <= text.length)) return false;
  if (text[start] !== '<' || text[end - 1] !== '>') return false;
  if (start > 0 && !EDGE.test(text[start - 1])) return false;
  if (end < text.length && !EDGE.test(text[end])) return false;
  const ignore = text.indexOf(IGNORE, start);
  return ignore !== -1 && ignore < text.indexOf('>', start) && !marksBetween(text, start, end);
}

/**
 * The page as Pagefind is handed it: without the ignored elements that cannot reach the index, `spans` if given
 * (as cuttableSpans gave them for these very bytes in an earlier build). If a span is not such an element, or the
 * text cut holds any of Pagefind's attributes (written as text, say), the page is handed over whole.
 */
export function searchInput(text: string, spans = cuttableSpans(text)): string {
  if (spans.length === 0) return text;
  let cut = '';
  let at = 0;
  for (const span of spans) {
    if (!isCuttable(text, span, at)) return text;
    cut += text.slice(at, span[0]);
    at = span[1];
  }
  return cut + text.slice(at);
}
