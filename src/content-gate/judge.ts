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
import { crossRefOf, mentionsIn, type CrossRef, type IdMention } from './xrefs.ts';

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

/** A text node whose citation clusters the compiler plugin replaces with links to their sources. */
export interface CitationRewrite {
  node: MdastNode;
  clusters: TextCluster[];
}

export interface Judgement {
  findings: ScannedFinding[];
  citations: CiteCluster[];
  problems: GateProblem[];
  rewrites: CitationRewrite[];
  /** Links to a finding (./xrefs.ts), each with its node for the compiler to name by the finding's title. */
  crossRefs: (CrossRef & { node: MdastNode })[];
  /** Id-like words in the prose, outside citations: a finding id among them is reported (checks/raw-finding-id.ts). */
  mentions: IdMention[];
}

/** Markdown node types content may use; every other type fails closed. */
const MARKDOWN_NODES = new Set([
  'root',
  'paragraph',
  'heading',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'code',
  'definition',
  'text',
  'emphasis',
  'strong',
  'inlineCode',
  'break',
  'link',
  'image',
  'linkReference',
  'imageReference',
  'delete',
  'footnoteDefinition',
  'footnoteReference',
  'table',
  'tableRow',
  'tableCell',
  'yaml',
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
  const hint =
    'write title="…", a few words saying what the finding establishes, e.g. title="Deserters detained after amnesties"';
  if (f.title === undefined)
    return [{ offset: f.offset, rule: 'syntax', message: `finding "${f.id}" has no title`, hint }];
  const title = f.title.trim();
  if (!title)
    return [{ offset: f.attrOffsets.title, rule: 'syntax', message: `finding "${f.id}" has an empty title`, hint }];
  if (title.length > MAX_FINDING_TITLE) {
    return [
      {
        offset: f.attrOffsets.title,
        rule: 'syntax',
        message: `the title of finding "${f.id}" has ${title.length} characters; at most ${MAX_FINDING_TITLE}`,
        hint: "shorten it: the finding's text says the rest",
      },
    ];
  }
  return [];
}

const LINK_HINT = 'link to a web page (https://…), an email address (mailto:…) or a page of this site';
const IMAGE_HINT = 'put the image under public/ and refer to it by its path; nothing may load from another origin';

/** One judgement over one tree: the state the walk builds up, and one method per kind of node. */
class Judge {
  readonly result: Judgement = { findings: [], citations: [], problems: [], rewrites: [], crossRefs: [], mentions: [] };
  private readonly definitions = new Map<string, string>();
  private readonly source: string;
  private readonly shift: number;

  constructor(source: string, shift: number, tree: Node) {
    this.source = source;
    this.shift = shift;
    const collect = (n: Node) => {
      if (n.type === 'definition' && n.identifier) this.definitions.set(n.identifier, n.url ?? '');
      n.children?.forEach(collect);
    };
    collect(tree);
  }

  private start = (n: Node) => (n.position?.start.offset ?? 0) + this.shift;
  private end = (n: Node) => (n.position?.end.offset ?? 0) + this.shift;

  private problem(offset: number, rule: GateProblem['rule'], message: string, hint: string) {
    this.result.problems.push({ offset, rule, message, hint });
  }

  private attributeOffset(n: Node, name: string): number {
    const from = this.start(n);
    const tag = this.source.slice(from - this.shift, this.source.indexOf('>', from - this.shift) + 1 || undefined);
    const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*["']`).exec(tag);
    return m ? from + m.index + m[0].length : from;
  }

  /** The plain string attributes of an element; anything else (an expression, a spread) is refused. */
  private attributes(n: Node, name: string) {
    const attrs: Record<string, string> = {};
    const offsets: Record<string, number> = {};
    for (const a of n.attributes ?? []) {
      if (a.type !== 'mdxJsxAttribute' || typeof a.value !== 'string') {
        this.problem(
          this.start(n),
          'unsafe-mdx',
          `<${name}> attributes must be plain quoted strings`,
          'write id="…" asOf="YYYY-MM"; expressions in braces and spreads run code and are not allowed',
        );
        continue;
      }
      attrs[a.name!] = a.value;
      offsets[a.name!] = this.attributeOffset(n, a.name!);
      if (!FINDING_ATTRS.has(a.name!))
        this.problem(
          offsets[a.name!],
          'syntax',
          `<Finding> has no attribute "${a.name}"`,
          'use id, asOf, title and, for facts we could not verify, uncertain="why"',
        );
    }
    return { attrs, offsets };
  }

  /** An element: only `<Finding>`, standing on its own lines, with valid attributes, not nested. */
  private element(n: Node, open: ScannedFinding | null): ScannedFinding | null {
    const name = n.name ?? '';
    if (!COMPONENTS.has(name)) {
      this.problem(
        this.start(n),
        'unsafe-mdx',
        name ? `<${name}> is not an allowed component or element` : 'JSX fragments (<>…</>) are not allowed',
        ONLY,
      );
      return null;
    }
    if (n.type === 'mdxJsxTextElement') {
      this.problem(
        this.start(n),
        'syntax',
        `<${name}> must stand on lines of its own`,
        `put <${name} …> and </${name}> each on its own line, with a blank line before`,
      );
    }
    const { attrs, offsets } = this.attributes(n, name);
    if (open)
      this.problem(
        this.start(n),
        'syntax',
        `<Finding> inside finding "${open.id}": findings cannot nest`,
        `close "${open.id}" with </Finding> first`,
      );
    const { id = '', asOf = '', title, uncertain } = attrs;
    if (!Id.safeParse(id).success)
      this.problem(
        offsets.id ?? this.start(n),
        'syntax',
        id ? `finding id "${id}" is not kebab-case` : '<Finding> needs an id',
        'write id="short-kebab-case-name"; it becomes the finding\'s permanent anchor',
      );
    if (!AS_OF.test(asOf))
      this.problem(
        offsets.asOf ?? this.start(n),
        'syntax',
        asOf ? `asOf "${asOf}" is not a date` : '<Finding> needs asOf, the date the fact describes',
        'write asOf="YYYY-MM" or asOf="YYYY-MM-DD"',
      );
    if (uncertain !== undefined && uncertain.trim() === '')
      this.problem(
        offsets.uncertain,
        'syntax',
        'uncertain="" gives no reason',
        'say why the fact is uncertain, e.g. uncertain="Only reported by one news agency"',
      );
    const finding = {
      id,
      asOf,
      title,
      uncertain,
      offset: this.start(n),
      end: this.end(n),
      attrOffsets: offsets,
      citations: [],
      text: '',
    };
    this.result.problems.push(...titleProblems(finding));
    return finding;
  }

  /** Each character of a text node's value mapped to its file offset. */
  private align(n: Node, value: string) {
    return alignText(value, this.source.slice(this.start(n) - this.shift, this.end(n) - this.shift), this.start(n));
  }

  /** Text: its citation clusters, recorded and marked for the compiler to turn into links. */
  private text(n: Node, open: ScannedFinding | null, words: string[] | null) {
    const value = n.value ?? '';
    // Every citation, and everything that looks like a broken one, starts at a bracket: most text has none, and
    // mapping its characters back to the file is the costly part of judging it.
    if (!value.includes('[')) {
      words?.push(value);
      this.result.mentions.push(...mentionsIn(value, [], () => this.align(n, value).offsets));
      return;
    }
    const { offsets, escaped } = this.align(n, value);
    const found = findCitations(value, offsets, escaped);
    this.result.mentions.push(...mentionsIn(value, found.clusters, () => offsets));
    for (const p of found.problems) this.problem(p.offset, 'syntax', p.message, p.hint);
    let last = 0;
    for (const cluster of found.clusters) {
      if (open) cluster.findingId = open.id;
      const { start: _s, stop: _e, ...plain } = cluster;
      this.result.citations.push(plain);
      open?.citations.push(plain);
      words?.push(value.slice(last, cluster.start));
      last = cluster.stop;
    }
    words?.push(value.slice(last));
    if (found.clusters.length) this.result.rewrites.push({ node: n, clusters: found.clusters });
  }

  /** Why a node's URL is refused, with the hint; null for nodes without a URL or with an allowed one. */
  private urlProblem(n: Node): [string, string] | null {
    if (n.type === 'link' || n.type === 'definition')
      return ((w) => (w ? [w, LINK_HINT] : null))(linkUrlProblem(n.url ?? ''));
    if (n.type === 'image') return ((w) => (w ? [w, IMAGE_HINT] : null))(imageUrlProblem(n.url ?? ''));
    if (n.type === 'imageReference')
      return ((w) => (w ? [w, IMAGE_HINT] : null))(imageUrlProblem(this.definitions.get(n.identifier ?? '') ?? ''));
    return null;
  }

  /** A Finding element and what it holds: the finding's plain text is gathered from its children. */
  private findingElement(n: Node, open: ScannedFinding | null, words: string[] | null) {
    const finding = this.element(n, open);
    const inner: string[] = [];
    for (const child of n.children ?? []) this.walk(child, finding ?? open, finding ? inner : words);
    if (!finding) return;
    finding.text = inner
      .join(' ')
      .replace(/\s+/g, ' ')
      .replace(/\s+([.,;:])/g, '$1')
      .trim();
    this.result.findings.push(finding);
  }

  walk(n: Node, open: ScannedFinding | null, words: string[] | null): void {
    const at = this.start(n);
    switch (n.type) {
      case 'mdxjsEsm':
        return this.problem(
          at,
          'unsafe-mdx',
          'MDX files may not import or export code',
          'remove the line; the components a profile may use (Finding) are provided by the site',
        );
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        return this.problem(
          at,
          'unsafe-mdx',
          'MDX expressions in braces run code and are not allowed in content',
          'write \\{ for a literal brace; keep editorial notes out of the file',
        );
      case 'html':
        return this.problem(at, 'unsafe-mdx', 'raw HTML is not allowed in content', ONLY);
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return this.findingElement(n, open, words);
      case 'text':
        return this.text(n, open, words);
      case 'inlineCode':
        words?.push(n.value ?? '');
        return;
    }
    const refused = this.urlProblem(n);
    if (refused) this.problem(at, 'unsafe-mdx', ...refused);
    const ref = n.type === 'link' ? crossRefOf(n.url ?? '') : null;
    if (ref) this.result.crossRefs.push({ offset: at, ...ref, empty: !n.children?.length, node: n });
    if (!MARKDOWN_NODES.has(n.type)) return this.problem(at, 'unsafe-mdx', `${n.type} is not allowed in content`, ONLY);
    for (const child of n.children ?? []) this.walk(child, open, words);
  }
}

/** Judges a parsed profile body. `shift` is added to tree offsets (a BOM the parser dropped). */
export function judgeTree(tree: MdastNode, source: string, shift = 0): Judgement {
  const judge = new Judge(source, shift, tree as Node);
  judge.walk(tree as Node, null, null);
  judge.result.problems.sort((a, b) => a.offset - b.offset);
  return judge.result;
}
