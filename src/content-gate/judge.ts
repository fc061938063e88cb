/**
 * The content gate: an allowlist over the tree the MDX compiler builds. Markdown and `<Finding>` with plain string
 * attributes pass; ESM, expressions, any other element, raw HTML, unknown node types and unsafe URLs are problems.
 * Pure: the same tree and source always give the same judgement. Used by the corpus (`npm run check`, the build's
 * first step) and by the Sätteri plugin inside the compiler, on the same parse.
 */
import type { MdastNode } from 'satteri';
import { ALLOWED_COMPONENTS, Id } from '../schemas/content.ts';
import { alignText, findCitations } from './citations.ts';
import { imageUrlProblem, linkUrlProblem } from './url-policy.ts';
import { LIMIT_HINT, MAX_MDX_DEPTH, tooDeep } from '../corpus/content-limits.ts';
import { forbiddenCharacter } from '../corpus/text-rules.ts';
import { titleProblems } from './finding-title.ts';

export { MAX_FINDING_TITLE } from './finding-title.ts';
import { crossRefOf, mentionsIn } from './xrefs.ts';
import type { GateProblem, Judgement, ScannedFinding } from './judgement.ts';

export type { CitationRewrite, GateProblem, Judgement, ScannedFinding } from './judgement.ts';

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
/** The attributes a <Finding> may have (ProfileBody.astro passes them on to Finding.astro). */
export const FINDING_ATTRIBUTES = ['id', 'asOf', 'title', 'uncertain'] as const;
const FINDING_ATTRS = new Set<string>(FINDING_ATTRIBUTES);
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

const LINK_HINT = 'link to a web page (https://…), an email address (mailto:…) or a page of this site';
const IMAGE_HINT = 'put the image under public/ and refer to it by its path; nothing may load from another origin';

/** One judgement over one tree: the state the walk builds up, and one method per kind of node. */
class Judge {
  readonly result: Judgement = { findings: [], citations: [], problems: [], rewrites: [], crossRefs: [], mentions: [] };
  private readonly definitions = new Map<string, string>();
  private readonly source: string;
  private readonly shift: number;
  /** The blocks of the body itself: a finding is one of them (ProfileBody.astro renders findings at this level). */
  private readonly topLevel: Set<Node>;

  constructor(source: string, shift: number, tree: Node) {
    this.source = source;
    this.shift = shift;
    this.topLevel = new Set(tree.children ?? []);
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

  /**
   * Refuses a forbidden character in text the tree holds (decoded: `&#x202E;` counts as the character), at the
   * character itself where the source holds it literally, else at the node. `key`: an id, where Cf is refused too.
   */
  private characters(value: string, from: number, key = false) {
    const bad = forbiddenCharacter(value, key);
    if (!bad) return;
    const near = this.source.slice(from - this.shift, from - this.shift + value.length * 2 + 16);
    const literal = near.indexOf(value[bad.index]);
    this.problem(literal >= 0 ? from + literal : from, 'unsafe-character', bad.message, bad.hint);
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
      this.characters(a.value, offsets[a.name!], a.name === 'id');
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

  /** An element: only `<Finding>`, standing on its own lines at the top level, with valid attributes, not nested. */
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
    else if (n.type === 'mdxJsxFlowElement' && !this.topLevel.has(n))
      this.problem(
        this.start(n),
        'syntax',
        `<${name}> inside a list, quote or table: a finding is a block of the profile itself`,
        `move <${name} …> … </${name}> out, to a line of its own with no indent or marker before it`,
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
    this.characters(value, this.start(n));
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
      for (const item of cluster.items) this.characters(item.key, item.offset, true);
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
        this.characters(n.value ?? '', at);
        words?.push(n.value ?? '');
        return;
      case 'code':
        this.characters(n.value ?? '', at);
        break;
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
  // Measured before the walk, which recurses: a tree nested 20,000 deep would overflow the stack.
  const deep = tooDeep(tree as Node, MAX_MDX_DEPTH);
  if (deep) {
    const message = `Markdown nests deeper than ${MAX_MDX_DEPTH} levels (blockquotes, lists, emphasis or links)`;
    const problem = {
      offset: (deep.position?.start.offset ?? 0) + shift,
      rule: 'content-limit',
      message,
      hint: LIMIT_HINT,
    } as const;
    return { findings: [], citations: [], problems: [problem], rewrites: [], crossRefs: [], mentions: [] };
  }
  const judge = new Judge(source, shift, tree as Node);
  judge.walk(tree as Node, null, null);
  judge.result.problems.sort((a, b) => a.offset - b.offset);
  return judge.result;
}
