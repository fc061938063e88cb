/**
 * The content gate inside the MDX compiler: a Sätteri mdast plugin that judges the very tree the compiler is about
 * to turn into code, stops the compile on any problem, and turns citation clusters into `<Cite>` elements.
 *
 * The corpus check already refuses bad files before the build renders anything; this is the same judgement on the
 * same parse, placed where it cannot be skipped: any `.mdx` that reaches the compiler passes through it.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin, type MdastNode } from 'satteri';
import { formatProblem } from '../lib/problem.ts';
import { positionFinder } from '../lib/positions.ts';
import { judgeTree, type CitationRewrite } from './judge.ts';

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

/** The text node split around its clusters, each cluster a `<Cite items="[…]">` with a JSON string attribute. */
function citedText({ node, clusters }: CitationRewrite): MdastNode[] {
  const value = (node as { value: string }).value;
  const out: MdastNode[] = [];
  let last = 0;
  for (const cluster of clusters) {
    if (cluster.start > last) out.push({ type: 'text', value: value.slice(last, cluster.start) });
    const items = JSON.stringify(cluster.items.map(({ key, locator }) => ({ key, locator })));
    out.push({
      type: 'mdxJsxTextElement',
      name: 'Cite',
      attributes: [{ type: 'mdxJsxAttribute', name: 'items', value: items }],
      children: [],
    } as MdastNode);
    last = cluster.stop;
  }
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}

/** The plugin, for `satteri({ mdastPlugins: [contentGate()] })`. */
export function contentGate() {
  return defineMdastPlugin({
    name: 'cg:content-gate',
    options: { position: true },
    before(root, ctx) {
      const judged = judgeTree(root, ctx.source);
      if (judged.problems.length) {
        const path = ctx.fileURL ? fileURLToPath(ctx.fileURL) : '<mdx>';
        const file = relative(process.cwd(), path).split('\\').join('/');
        const at = positionFinder(ctx.source);
        const report = judged.problems.map((p) => formatProblem({ file, ...at(p.offset), severity: 'error', ...p }));
        const first = at(judged.problems[0].offset);
        throw new ContentGateError(`The MDX compiler refused content:\n${report.join('\n')}`, first.line, first.column);
      }
      for (const rewrite of judged.rewrites) ctx.replaceNode(rewrite.node, citedText(rewrite));
    },
  });
}
