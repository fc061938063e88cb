/**
 * The check and the compiler judge one tree: for every real profile, the tree the gate plugin receives inside the
 * compiler is the tree `parseMdx` gives the check, node for node and position for position.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defineMdastPlugin, mdxToJs } from 'satteri';
import { compilerInput, MDX_FEATURES, parseMdx } from '../../../src/content-gate/compiler.ts';
import { checkedFindingTitles, checkedSources } from '../../../src/content-gate/gate-sources.ts';
import { contentGate } from '../../../src/content-gate/satteri-plugin.ts';
import { scanMdx } from '../../../src/corpus/mdx-scan.ts';

const PROFILES = join(process.cwd(), 'content/profiles');
const files = readdirSync(PROFILES, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.mdx'))
  .sort();

/** The tree as plain data: every node, value and position, without the plugin tree's bookkeeping (`_id`, …). */
const plain = (tree: unknown) =>
  JSON.parse(JSON.stringify(tree, (key, value) => (key.startsWith('_') ? undefined : value)));

describe('the check parses each profile exactly as the compiler does', () => {
  it('there are profiles to compare', () => expect(files.length).toBeGreaterThan(20));

  it.each(files)('%s', async (file) => {
    const { content } = compilerInput(readFileSync(join(PROFILES, file), 'utf8'));
    let seen: unknown;
    const recorder = defineMdastPlugin({
      name: 'record',
      options: { position: true },
      before: (root) => {
        seen = plain(root);
      },
    });
    await mdxToJs(content, { features: MDX_FEATURES, mdastPlugins: [recorder], jsxImportSource: 'astro' });
    const parsed = parseMdx(content);
    expect('tree' in parsed && plain(parsed.tree)).toEqual(seen);
  });
});

describe('inside the compiler, every citation becomes links to its sources and no bracket is left', () => {
  it.each(files)('%s', async (file) => {
    const text = readFileSync(join(PROFILES, file), 'utf8');
    const { code } = await mdxToJs(compilerInput(text).content, {
      features: MDX_FEATURES,
      mdastPlugins: [contentGate({ sources: checkedSources, findings: checkedFindingTitles })],
      jsxImportSource: 'astro',
      fileURL: pathToFileURL(join(PROFILES, file)),
    });
    const clusters = scanMdx(text).citations;
    expect(code.match(/class: "cite"/g)?.length ?? 0).toBe(clusters.length);
    const links = code.match(/"data-print-href": "[^"]*\/sources\/[^"]+\/"/g) ?? [];
    expect(links.length).toBe(clusters.reduce((n, c) => n + c.items.length, 0));
    expect(code).not.toContain('[@');
  });
});
