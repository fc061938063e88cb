/**
 * Reads a profile's MDX text the way the checks need it: the frontmatter, the findings (`<Finding id asOf>`), and
 * every pandoc citation cluster (`[@source, sec. VI, pp. 8-9; @other, para. 57]`), with their offsets.
 *
 * Why our own scanner rather than a full MDX parse: it runs on every profile in `npm run check`, at the start of
 * every build and on every save in `npm run dev`, and must stay a small fraction of the build's cost. It accepts a
 * deliberately small subset of MDX (Markdown plus the allow-listed components) and reports anything else, so
 * nothing it does not understand can slip through as a pass.
 */
import { ALLOWED_COMPONENTS } from '../schemas/content.ts';

/** One source cited in a cluster, with the offset of its `@`. */
export interface CiteItem {
  key: string;
  locator: string;
  offset: number;
}

/** A bracketed citation cluster. `end` is the offset just past its closing bracket. */
export interface CiteCluster {
  offset: number;
  end: number;
  items: CiteItem[];
  /** The finding the cluster stands in, if any. */
  findingId?: string;
}

/** A `<Finding>` element with its attributes and the citations inside it. */
export interface ScannedFinding {
  id: string;
  asOf: string;
  uncertain?: string;
  offset: number;
  end: number;
  /** Offsets of attribute values, for pointing at the exact spot in messages. */
  attrOffsets: Record<string, number>;
  citations: CiteCluster[];
  /** The finding's text with markup and citations removed, for previews and search. */
  text: string;
}

/** A problem the scanner found, before it is tied to a file. */
export interface ScanProblem {
  offset: number;
  rule: 'unsafe-mdx' | 'syntax';
  message: string;
  hint: string;
}

export interface ScanResult {
  /** The YAML between the `---` fences, and where it starts in the file. */
  frontmatter: { text: string; offset: number } | null;
  bodyOffset: number;
  findings: ScannedFinding[];
  citations: CiteCluster[];
  problems: ScanProblem[];
}

const ALLOWED = new Set<string>(ALLOWED_COMPONENTS);
const FINDING_ATTRS = new Set(['id', 'asOf', 'uncertain']);
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const AS_OF = /^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$/;

/** Splits the `---` frontmatter from the body. */
function splitFrontmatter(text: string): { frontmatter: ScanResult['frontmatter']; bodyOffset: number } {
  const open = /^\uFEFF?---\r?\n/.exec(text);
  if (!open) return { frontmatter: null, bodyOffset: 0 };
  const close = /^---[ \t]*$/m;
  close.lastIndex = 0;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  if (!m) return { frontmatter: null, bodyOffset: 0 };
  const yamlText = rest.slice(0, m.index);
  let bodyOffset = open[0].length + m.index + m[0].length;
  if (text[bodyOffset] === '\r') bodyOffset++;
  if (text[bodyOffset] === '\n') bodyOffset++;
  return { frontmatter: { text: yamlText, offset: open[0].length }, bodyOffset };
}

/** Parses `name="value"` attributes; returns null on anything else (expressions, bare names). */
function parseAttributes(source: string, base: number): { attrs: Record<string, string>; offsets: Record<string, number> } | null {
  const attrs: Record<string, string> = {};
  const offsets: Record<string, number> = {};
  const re = /\s*([A-Za-z][A-Za-z0-9]*)\s*=\s*(?:"([^"]*)"|'([^']*)')\s*/y;
  let i = 0;
  while (i < source.length) {
    if (/^\s*$/.test(source.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(source);
    if (!m) return null;
    attrs[m[1]] = m[2] ?? m[3];
    offsets[m[1]] = base + m.index + m[0].indexOf(m[2] !== undefined ? '"' : "'") + 1;
    i = re.lastIndex;
  }
  return { attrs, offsets };
}

/** Parses the inside of `[@...]` into items; returns an error message when it is not a citation we understand. */
function parseCluster(inner: string, base: number): { items: CiteItem[] } | { error: string } {
  const items: CiteItem[] = [];
  let pos = 0;
  for (const raw of inner.split(';')) {
    const lead = raw.length - raw.trimStart().length;
    const part = raw.trim();
    const m = /^@([^\s,;\]]+)\s*(?:,\s*([\s\S]*))?$/.exec(part);
    if (!m) return { error: `"${part}" is not a citation item; each item starts with @source-id` };
    items.push({ key: m[1], locator: (m[2] ?? '').replace(/\s+/g, ' ').trim(), offset: base + pos + lead });
    pos += raw.length + 1;
  }
  return { items };
}

/** Strips citations, tags and Markdown punctuation, leaving readable text. */
function plainText(text: string): string {
  return text
    .replace(/\[@[^\]]*\]/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]/g, '')
    .replace(/\s+([.,;:])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Scans a profile's MDX source. Pure: the same text always gives the same result. */
export function scanMdx(text: string): ScanResult {
  const { frontmatter, bodyOffset } = splitFrontmatter(text);
  const problems: ScanProblem[] = [];
  const findings: ScannedFinding[] = [];
  const citations: CiteCluster[] = [];
  if (!frontmatter) {
    problems.push({ offset: 0, rule: 'syntax', message: 'the file has no frontmatter', hint: 'start the file with a --- fenced YAML block holding title, scope and conclusions' });
  }

  let open: (ScannedFinding & { bodyStart: number }) | null = null;
  let fence: string | null = null;
  let i = bodyOffset;
  let lineStart = true;

  while (i < text.length) {
    const ch = text[i];

    if (lineStart) {
      const line = text.slice(i, text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i));
      const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (fence) {
        if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = null;
        i += line.length + 1;
        continue;
      }
      if (fenceMatch) {
        fence = fenceMatch[1];
        i += line.length + 1;
        continue;
      }
      const blockStart = i === bodyOffset || /\n[ \t]*\n$/.test(text.slice(Math.max(bodyOffset, i - 64), i)) || /^[ \t]*\n?$/.test(text.slice(bodyOffset, i));
      if (blockStart && /^(?:import|export)\b/.test(line)) {
        problems.push({ offset: i, rule: 'unsafe-mdx', message: 'MDX files may not import or export code', hint: 'remove the line; the components a profile may use (Finding) are provided by the site' });
        i += line.length + 1;
        continue;
      }
      lineStart = false;
    }

    if (ch === '\n') { lineStart = true; i++; continue; }
    if (ch === '\\') { i += 2; continue; }

    if (ch === '`') {
      // A code span ends at a run of exactly as many backticks, within the paragraph; an unmatched run is text.
      const run = /^`+/.exec(text.slice(i))![0];
      const blank = /\n[ \t]*\n/g;
      blank.lastIndex = i;
      const paragraphEnd = blank.exec(text)?.index ?? text.length;
      const closer = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
      closer.lastIndex = i + run.length;
      const close = closer.exec(text);
      i = close && close.index < paragraphEnd ? close.index + run.length : i + run.length;
      continue;
    }

    if (ch === '{') {
      problems.push({ offset: i, rule: 'unsafe-mdx', message: 'MDX expressions in braces run code and are not allowed in content', hint: 'write \\{ for a literal brace' });
      i++;
      continue;
    }

    if (ch === '<') {
      if (text.startsWith('<!--', i)) {
        problems.push({ offset: i, rule: 'syntax', message: 'HTML comments are not valid in MDX', hint: 'remove the comment; keep editorial notes in the pull request or an issue' });
        const end = text.indexOf('-->', i);
        i = end === -1 ? text.length : end + 3;
        continue;
      }
      const tag = /^<(\/?)([A-Za-z][A-Za-z0-9.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/.exec(text.slice(i));
      if (!tag) { i++; continue; }
      const [whole, closing, name, rawAttrs, selfClosing] = tag;
      if (/^https?:|^mailto:/.test(name + rawAttrs)) {
        problems.push({ offset: i, rule: 'syntax', message: 'autolinks in angle brackets are not valid in MDX', hint: 'write a link as [text](https://…)' });
        i += whole.length;
        continue;
      }
      if (!ALLOWED.has(name)) {
        problems.push({ offset: i, rule: 'unsafe-mdx', message: `<${name}> is not an allowed component or element`, hint: `content may use only ${[...ALLOWED].map((c) => `<${c}>`).join(', ')} and Markdown` });
        i += whole.length;
        continue;
      }
      if (closing) {
        if (!open) problems.push({ offset: i, rule: 'syntax', message: '</Finding> closes no open <Finding>', hint: 'remove it, or add the matching <Finding id="…" asOf="…">' });
        else {
          open.end = i + whole.length;
          open.text = plainText(text.slice(open.bodyStart, i));
          const { bodyStart: _, ...finding } = open;
          findings.push(finding);
          open = null;
        }
        i += whole.length;
        continue;
      }
      const parsed = parseAttributes(rawAttrs, i + 1 + name.length);
      if (!parsed) {
        problems.push({ offset: i, rule: 'unsafe-mdx', message: `<${name}> attributes must be plain quoted strings`, hint: 'write id="…" asOf="YYYY-MM"; expressions in braces are not allowed' });
        i += whole.length;
        continue;
      }
      if (open) problems.push({ offset: i, rule: 'syntax', message: `<Finding> inside finding "${open.id}": findings cannot nest`, hint: `close "${open.id}" with </Finding> first` });
      for (const attr of Object.keys(parsed.attrs)) {
        if (!FINDING_ATTRS.has(attr)) problems.push({ offset: parsed.offsets[attr], rule: 'syntax', message: `<Finding> has no attribute "${attr}"`, hint: 'use id, asOf and, for facts we could not verify, uncertain="why"' });
      }
      const { id = '', asOf = '', uncertain } = parsed.attrs;
      if (!ID.test(id)) problems.push({ offset: parsed.offsets.id ?? i, rule: 'syntax', message: id ? `finding id "${id}" is not kebab-case` : '<Finding> needs an id', hint: 'write id="short-kebab-case-name"; it becomes the finding\'s permanent anchor' });
      if (!AS_OF.test(asOf)) problems.push({ offset: parsed.offsets.asOf ?? i, rule: 'syntax', message: asOf ? `asOf "${asOf}" is not a date` : '<Finding> needs asOf, the date the fact describes', hint: 'write asOf="YYYY-MM" or asOf="YYYY-MM-DD"' });
      if (uncertain !== undefined && uncertain.trim() === '') problems.push({ offset: parsed.offsets.uncertain, rule: 'syntax', message: 'uncertain="" gives no reason', hint: 'say why the fact is uncertain, e.g. uncertain="Only reported by one news agency"' });
      const finding = { id, asOf, uncertain, offset: i, end: i + whole.length, attrOffsets: parsed.offsets, citations: [], text: '', bodyStart: i + whole.length };
      if (selfClosing) {
        const { bodyStart: _, ...empty } = finding;
        findings.push(empty);
      } else open = finding;
      i += whole.length;
      continue;
    }

    if (ch === '[' && text[i + 1] !== '@') {
      const close = text.indexOf(']', i);
      const inside = close === -1 ? '' : text.slice(i + 1, close);
      if (!inside.includes('\n\n') && /(^|\s)@[a-z0-9]/.test(inside)) {
        problems.push({ offset: i, rule: 'syntax', message: `"[${inside}]" looks like a citation with words before the @`, hint: 'citation prefixes are not supported: write the words outside, e.g. see [@source-id, p. 3]' });
        i = close + 1;
        continue;
      }
    }

    if (ch === '[' && text[i + 1] === '@') {
      const close = text.indexOf(']', i);
      const paragraphEnd = text.indexOf('\n\n', i);
      const nextOpen = text.indexOf('[', i + 1);
      if (close === -1 || (paragraphEnd !== -1 && paragraphEnd < close) || (nextOpen !== -1 && nextOpen < close)) {
        problems.push({ offset: i, rule: 'syntax', message: 'citation is not closed', hint: 'end the citation with ], e.g. [@source-id, p. 8]' });
        i += 2;
        continue;
      }
      const parsed = parseCluster(text.slice(i + 1, close), i + 1);
      if ('error' in parsed) {
        problems.push({ offset: i, rule: 'syntax', message: parsed.error, hint: 'write [@source-id, locator; @other-id, locator]' });
      } else {
        const cluster: CiteCluster = { offset: i, end: close + 1, items: parsed.items, findingId: open?.id };
        citations.push(cluster);
        open?.citations.push(cluster);
      }
      i = close + 1;
      continue;
    }
    i++;
  }

  if (fence) problems.push({ offset: text.length, rule: 'syntax', message: 'a code fence is not closed', hint: `close it with ${fence}` });
  if (open) problems.push({ offset: open.offset, rule: 'syntax', message: `<Finding id="${open.id}"> is never closed`, hint: 'end the finding with </Finding>' });
  return { frontmatter, bodyOffset, findings, citations, problems };
}
