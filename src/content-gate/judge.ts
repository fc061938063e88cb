/**
 * The content gate: an allowlist over the tree the MDX compiler builds. Markdown and `<Finding>` with plain string
 * attributes pass; ESM, expressions, any other element, raw HTML, unknown node types and unsafe URLs are problems.
 * Pure: the same tree and source always give the same judgement. Used by the corpus (`npm run check`, the build's
 * first step) and by the Sätteri plugin inside the compiler, on the same parse.
 */
import type { MdastNode } from 'satteri';
import { ALLOWED_COMPONENTS, Id } from '../schemas/content.ts';
import { alignText, findCitations, type CiteCluster, type TextCluster } from './citations.ts';
import { imageUrlProblem, linkUrlProblem } from './url-policy.ts';

/** A `<Finding>` element with its attributes and the citations inside it. */
export interface ScannedFinding {
  id: string;
  asOf: string;
  /** A short human title naming the finding wherever it is listed; the id stays its permanent anchor. */
  title?: string;
  uncertain?: string;
  offset: number;
  end: number;
  /** Offsets of attribute values, for pointing at the exact spot in messages. */
  attrOffsets: Record<string, number>;
  citations: CiteCluster[];
  /** The finding's text with markup and citations removed, for previews and search. */
  text: string;
}

/** A problem the gate found, before it is tied to a file. */
export interface GateProblem {
  offset: number;
  rule: 'unsafe-mdx' | 'syntax';
  message: string;
  hint: string;
}

/** A text node whose citation clusters the compiler plugin replaces with `<Cite>`. */
export interface CitationRewrite {
  node: MdastNode;
  clusters: TextCluster[];
}

export interface Judgement {
  findings: ScannedFinding[];
  citations: CiteCluster[];
  problems: GateProblem[];
  rewrites: CitationRewrite[];
}

/** Markdown node types content may use; every other type fails closed. */
const MARKDOWN_NODES = new Set([
  'root', 'paragraph', 'heading', 'thematicBreak', 'blockquote', 'list', 'listItem', 'code', 'definition', 'text',
  'emphasis', 'strong', 'inlineCode', 'break', 'link', 'image', 'linkReference', 'imageReference', 'delete',
  'footnoteDefinition', 'footnoteReference', 'table', 'tableRow', 'tableCell', 'yaml',
]);
const COMPONENTS = new Set<string>(ALLOWED_COMPONENTS);
const FINDING_ATTRS = new Set(['id', 'asOf', 'title', 'uncertain']);
const AS_OF = /^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$/;
const ONLY = `content may use only ${[...COMPONENTS].map((c) => `<${c}>`).join(', ')} and Markdown`;

type Node = MdastNode & {
  type: string;
  value?: string;
  url?: string;
  name?: string | null;
  identifier?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { offset?: number }; end: { offset?: number } };
};

/** Longest title a finding may have: it names the finding in lists and links, so it must stay short. */
export const MAX_FINDING_TITLE = 80;

/** A finding's title is required (it names the finding wherever it is listed) and short. */
function titleProblems(f: ScannedFinding): GateProblem[] {
  const hint = 'write title="…", a few words saying what the finding establishes, e.g. title="Deserters detained after amnesties"';
  if (f.title === undefined) return [{ offset: f.offset, rule: 'syntax', message: `finding "${f.id}" has no title`, hint }];
  const title = f.title.trim();
  if (!title) return [{ offset: f.attrOffsets.title, rule: 'syntax', message: `finding "${f.id}" has an empty title`, hint }];
  if (title.length > MAX_FINDING_TITLE) {
    return [{ offset: f.attrOffsets.title, rule: 'syntax', message: `the title of finding "${f.id}" has ${title.length} characters; at most ${MAX_FINDING_TITLE}`, hint: 'shorten it: the finding\'s text says the rest' }];
  }
  return [];
}

/** Judges a parsed profile body. `shift` is added to tree offsets (a BOM the parser dropped). */
export function judgeTree(tree: MdastNode, source: string, shift = 0): Judgement {
  const problems: GateProblem[] = [];
  const findings: ScannedFinding[] = [];
  const citations: CiteCluster[] = [];
  const rewrites: CitationRewrite[] = [];
  const definitions = new Map<string, string>();
  const start = (n: Node) => (n.position?.start.offset ?? 0) + shift;
  const end = (n: Node) => (n.position?.end.offset ?? 0) + shift;
  const problem = (offset: number, rule: GateProblem['rule'], message: string, hint: string) => problems.push({ offset, rule, message, hint });

  (function collectDefinitions(n: Node) {
    if (n.type === 'definition' && n.identifier) definitions.set(n.identifier, n.url ?? '');
    n.children?.forEach(collectDefinitions);
  })(tree as Node);

  function attributeOffset(n: Node, name: string): number {
    const from = start(n);
    const tag = source.slice(from - shift, source.indexOf('>', from - shift) + 1 || undefined);
    const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*["']`).exec(tag);
    return m ? from + m.index + m[0].length : from;
  }

  function element(n: Node, open: ScannedFinding | null): ScannedFinding | null {
    const name = n.name ?? '';
    if (!COMPONENTS.has(name)) {
      problem(start(n), 'unsafe-mdx', name ? `<${name}> is not an allowed component or element` : 'JSX fragments (<>…</>) are not allowed', ONLY);
      return null;
    }
    if (n.type === 'mdxJsxTextElement') {
      problem(start(n), 'syntax', `<${name}> must stand on lines of its own`, `put <${name} …> and </${name}> each on its own line, with a blank line before`);
    }
    const attrs: Record<string, string> = {};
    const attrOffsets: Record<string, number> = {};
    for (const a of n.attributes ?? []) {
      if (a.type !== 'mdxJsxAttribute' || typeof a.value !== 'string') {
        problem(start(n), 'unsafe-mdx', `<${name}> attributes must be plain quoted strings`, 'write id="…" asOf="YYYY-MM"; expressions in braces and spreads run code and are not allowed');
        continue;
      }
      attrs[a.name!] = a.value;
      attrOffsets[a.name!] = attributeOffset(n, a.name!);
      if (!FINDING_ATTRS.has(a.name!)) problem(attrOffsets[a.name!], 'syntax', `<Finding> has no attribute "${a.name}"`, 'use id, asOf and, for facts we could not verify, uncertain="why"');
    }
    if (open) problem(start(n), 'syntax', `<Finding> inside finding "${open.id}": findings cannot nest`, `close "${open.id}" with </Finding> first`);
    const { id = '', asOf = '', title, uncertain } = attrs;
    if (!Id.safeParse(id).success) problem(attrOffsets.id ?? start(n), 'syntax', id ? `finding id "${id}" is not kebab-case` : '<Finding> needs an id', 'write id="short-kebab-case-name"; it becomes the finding\'s permanent anchor');
    if (!AS_OF.test(asOf)) problem(attrOffsets.asOf ?? start(n), 'syntax', asOf ? `asOf "${asOf}" is not a date` : '<Finding> needs asOf, the date the fact describes', 'write asOf="YYYY-MM" or asOf="YYYY-MM-DD"');
    if (uncertain !== undefined && uncertain.trim() === '') problem(attrOffsets.uncertain, 'syntax', 'uncertain="" gives no reason', 'say why the fact is uncertain, e.g. uncertain="Only reported by one news agency"');
    const finding = { id, asOf, title, uncertain, offset: start(n), end: end(n), attrOffsets, citations: [], text: '' };
    problems.push(...titleProblems(finding));
    return finding;
  }

  function text(n: Node, open: ScannedFinding | null, words: string[] | null) {
    const value = n.value ?? '';
    const { offsets, escaped } = alignText(value, source.slice(start(n) - shift, end(n) - shift), start(n));
    const found = findCitations(value, offsets, escaped);
    for (const p of found.problems) problem(p.offset, 'syntax', p.message, p.hint);
    let last = 0;
    for (const cluster of found.clusters) {
      if (open) cluster.findingId = open.id;
      const { start: _s, stop: _e, ...plain } = cluster;
      citations.push(plain);
      open?.citations.push(plain);
      words?.push(value.slice(last, cluster.start));
      last = cluster.stop;
    }
    words?.push(value.slice(last));
    if (found.clusters.length) rewrites.push({ node: n, clusters: found.clusters });
  }

  function walk(n: Node, open: ScannedFinding | null, words: string[] | null) {
    switch (n.type) {
      case 'mdxjsEsm':
        return problem(start(n), 'unsafe-mdx', 'MDX files may not import or export code', 'remove the line; the components a profile may use (Finding) are provided by the site');
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        return problem(start(n), 'unsafe-mdx', 'MDX expressions in braces run code and are not allowed in content', 'write \\{ for a literal brace; keep editorial notes out of the file');
      case 'html':
        return problem(start(n), 'unsafe-mdx', 'raw HTML is not allowed in content', ONLY);
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const finding = element(n, open);
        const inner: string[] = [];
        for (const child of n.children ?? []) walk(child, finding ?? open, finding ? inner : words);
        if (finding) {
          finding.text = inner.join(' ').replace(/\s+/g, ' ').replace(/\s+([.,;:])/g, '$1').trim();
          findings.push(finding);
        }
        return;
      }
      case 'text':
        return text(n, open, words);
      case 'inlineCode':
        words?.push(n.value ?? '');
        return;
      case 'link':
      case 'definition': {
        const why = linkUrlProblem(n.url ?? '');
        if (why) problem(start(n), 'unsafe-mdx', why, 'link to a web page (https://…), an email address (mailto:…) or a page of this site');
        break;
      }
      case 'image': {
        const why = imageUrlProblem(n.url ?? '');
        if (why) problem(start(n), 'unsafe-mdx', why, 'put the image under public/ and refer to it by its path; nothing may load from another origin');
        break;
      }
      case 'imageReference': {
        const why = imageUrlProblem(definitions.get(n.identifier ?? '') ?? '');
        if (why) problem(start(n), 'unsafe-mdx', why, 'put the image under public/ and refer to it by its path; nothing may load from another origin');
        break;
      }
      default:
        if (!MARKDOWN_NODES.has(n.type)) return problem(start(n), 'unsafe-mdx', `${n.type} is not allowed in content`, ONLY);
    }
    for (const child of n.children ?? []) walk(child, open, words);
  }

  walk(tree as Node, null, null);
  problems.sort((a, b) => a.offset - b.offset);
  return { findings, citations, problems, rewrites };
}
