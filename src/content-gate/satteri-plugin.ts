/**
 * The content gate inside the MDX compiler: a Sätteri mdast plugin that judges the very tree the compiler is about
 * to turn into code, stops the compile on any problem, and turns citation clusters into links to their sources.
 *
 * The corpus check already refuses bad files before the build renders anything; this is the same judgement on the
 * same parse, placed where it cannot be skipped: any `.mdx` that reaches the compiler passes through it.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin, type MdastNode } from 'satteri';
import { citationLinks, type CitationLink } from '../citing/cite-format.ts';
import { unknownCitation } from '../checks/unknown-source.ts';
import { formatProblem, type Problem } from '../corpus/problem.ts';
import type { Source } from '../schemas/content.ts';
import { positionFinder } from '../corpus/positions.ts';
import { judgeTree, type CitationRewrite, type Judgement } from './judge.ts';
import { findingKey, profilePathOf, targetPath } from './xrefs.ts';
import { unknownFindingLink } from '../checks/finding-links.ts';

interface ReplaceContext {
  replaceNode(node: MdastNode, replacement: MdastNode | MdastNode[]): void;
}

/** Thrown when the compiler meets content the gate refuses; `line` and `column` feed Astro's error location. */
export class ContentGateError extends Error {
  readonly line: number;
  readonly column: number;

  constructor(message: string, line: number, column: number) {
    super(message);
    this.line = line;
    this.column = column;
    this.name = 'ContentGateError';
  }
}

const text = (value: string): MdastNode => ({ type: 'text', value }) as MdastNode;

/** An HTML element the compiler makes from a node of our own (Sätteri's custom nodes: `data.hName`). */
const element = (name: string, properties: Record<string, string>, children: MdastNode[]) =>
  ({ type: `cg-${name}`, data: { hName: name, hProperties: properties }, children }) as unknown as MdastNode;

/**
 * One cluster as the page shows it, `<span class="cite">(<a …>label</a>; <a …>label</a>)</span>`: plain elements
 * made here from the checked sources, so that rendering a page runs no component per citation. They are elements,
 * not JSX, so the compiler writes a paragraph with its citations as one HTML string (`optimizeStatic`, ./profile-body.ts);
 * text and attribute values are escaped there like any other text.
 */
function citationElement(links: CitationLink[]): MdastNode {
  const children = links.flatMap((link, i) => [
    ...(i > 0 ? [text('; ')] : []),
    element('a', { href: link.href, title: link.title, 'data-print-href': link.printHref }, [text(link.label)]),
  ]);
  return element('span', { class: 'cite' }, [text('('), ...children, text(')')]);
}

/** The text node split around its clusters, each cluster an element with its links. */
function citedText({ node, clusters }: CitationRewrite, sourceOf: Parameters<typeof citationLinks>[1]): MdastNode[] {
  const value = (node as { value: string }).value;
  const out: MdastNode[] = [];
  let last = 0;
  for (const cluster of clusters) {
    if (cluster.start > last) out.push(text(value.slice(last, cluster.start)));
    out.push(citationElement(citationLinks(cluster.items, sourceOf)));
    last = cluster.stop;
  }
  if (last < value.length) out.push(text(value.slice(last)));
  return out;
}

/** Where the gate finds the sources citations name and the findings cross-references link (./gate-sources.ts). */
export interface GateOptions {
  sources: () => Map<string, Source>;
  /** Finding titles by `country/month/profile#id` (./xrefs.ts findingKey); without it, every such link is refused. */
  findings?: () => Map<string, string>;
}

/** Refuses a link to a finding the corpus does not have; names each empty link by its finding's title. */
function linkFindings(
  ctx: Parameters<typeof refuse>[0] & ReplaceContext,
  refs: Judgement['crossRefs'],
  titles: Map<string, string>,
) {
  if (!refs.length) return;
  const from = ctx.fileURL ? profilePathOf(fileURLToPath(ctx.fileURL)) : null;
  const title = (r: (typeof refs)[number]) => (from ? titles.get(findingKey(targetPath(from, r), r.id)) : undefined);
  const unknown = refs.filter((r) => title(r) === undefined);
  if (unknown.length)
    refuse(
      ctx,
      unknown.map((r) => ({ offset: r.offset, ...unknownFindingLink(from ?? '', r, titles) })),
    );
  for (const r of refs) {
    const href = (r.node as { url?: string }).url ?? '';
    if (r.empty) ctx.replaceNode(r.node, element('a', { href, class: 'xref' }, [text(title(r)!)]));
  }
}

/** Refuses the compile with every problem, located in the file. */
export function refuse(
  ctx: { fileURL?: URL; source: string },
  problems: (Omit<Problem, 'file' | 'line' | 'column' | 'severity'> & { offset: number })[],
): never {
  const path = ctx.fileURL ? fileURLToPath(ctx.fileURL) : '<mdx>';
  const file = relative(process.cwd(), path).split('\\').join('/');
  const at = positionFinder(ctx.source);
  const report = problems.map(({ offset, ...p }) => formatProblem({ file, ...at(offset), severity: 'error', ...p }));
  const first = at(problems[0].offset);
  throw new ContentGateError(`The MDX compiler refused content:\n${report.join('\n')}`, first.line, first.column);
}

/** The plugin, for `satteri({ mdastPlugins: [contentGate({ sources })] })`. */
export function contentGate({ sources, findings = () => new Map() }: GateOptions) {
  return defineMdastPlugin({
    name: 'cg:content-gate',
    options: { position: true },
    before(root, ctx) {
      const judged = judgeTree(root, ctx.source);
      if (judged.problems.length) refuse(ctx, judged.problems);
      // Sources as the content check last read them: a source edited under `astro dev` recompiles every profile
      // (src/integrations/content-check.ts), so no page keeps an old label.
      const known = sources();
      const unknown = judged.rewrites
        .flatMap((r) => r.clusters.flatMap((c) => c.items))
        .filter((item) => !known.has(item.key))
        .map((item) => ({ offset: item.offset, ...unknownCitation(item.key, [...known.keys()]) }));
      if (unknown.length) refuse(ctx, unknown);
      linkFindings(ctx, judged.crossRefs, findings());
      for (const rewrite of judged.rewrites)
        ctx.replaceNode(
          rewrite.node,
          citedText(rewrite, (key) => known.get(key)),
        );
    },
  });
}
