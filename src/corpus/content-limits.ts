/**
 * Limits that keep reading content bounded in time and memory, whatever a file holds. Each is far above what real
 * content needs (the largest profile is 14 KB and nests a list in a blockquote at most three levels deep; YAML
 * nests six levels at most), and a file beyond one is reported at its place before any parser recurses into it.
 */

/** A YAML or MDX content file larger than this is refused before it is parsed (1 MiB, 70 times the largest). */
export const MAX_CONTENT_BYTES = 1024 * 1024;

/** How deeply YAML collections may nest (maps and lists, block or flow). */
export const MAX_YAML_DEPTH = 32;

/** How deeply Markdown may nest (blockquotes, lists, emphasis, links, …), counted in nodes of the parsed tree. */
export const MAX_MDX_DEPTH = 64;

export const LIMIT_HINT = 'content never needs this much; see the limits in src/corpus/content-limits.ts';

/** Why a content file of `bytes` bytes is refused, or null when it is within the limit. */
export function sizeProblem(bytes: number): { message: string; hint: string } | null {
  if (bytes <= MAX_CONTENT_BYTES) return null;
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return {
    message: `the file is ${mib(bytes)}, above the limit of ${mib(MAX_CONTENT_BYTES)} for a content file`,
    hint: `split it into smaller files; ${LIMIT_HINT}`,
  };
}

interface TreeNode {
  children?: TreeNode[];
}

/**
 * The first node nested deeper than `limit`, found without recursion (a tree 20,000 levels deep must not overflow
 * the stack that measures it); null when the tree stays within the limit.
 */
export function tooDeep<T extends TreeNode>(root: T, limit: number): T | null {
  const stack: [T, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return node;
    const children = (node.children ?? []) as T[];
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], depth + 1]);
  }
  return null;
}
