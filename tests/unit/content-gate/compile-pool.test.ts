/**
 * `astro build` compiles profiles in worker threads (src/content-gate/compile-pool.ts). What a worker makes must be
 * exactly what the compiler makes in process, and what it refuses must fail the build with the same message and
 * location.
 */
import { satteri } from '@astrojs/markdown-satteri';
import type { AstroMarkdownOptions } from '@astrojs/internal-helpers/markdown';
import { afterEach, describe, expect, it } from 'vitest';
import { pooledMdxRenderer, type PoolSetup } from '../../../src/content-gate/compile-pool.ts';
import { compilerInput, MDX_FEATURES } from '../../../src/content-gate/compiler.ts';
import { contentGate } from '../../../src/content-gate/satteri-plugin.ts';
import type { Source } from '../../../src/schemas/content.ts';

const sources = new Map([['src', { title: 'A "report" <b>', shortTitle: 'Report', issued: '2024-01-15' } as Source]]);
// What @astrojs/mdx hands the renderer in this project's build (no code blocks, so no highlighter is loaded).
const shared = { syntaxHighlight: false, gfm: true, smartypants: true } as AstroMarkdownOptions;
const setup: PoolSetup = { shared, mdx: { optimize: true }, features: MDX_FEATURES, sources };

const pools: ReturnType<typeof pooledMdxRenderer>[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});
const pool = (size = 2) => {
  const p = pooledMdxRenderer(setup, size);
  pools.push(p);
  return p;
};

const profile = (body: string) => compilerInput(`---\ntitle: T\n---\n${body}`).content;
const FINDING = '<Finding id="a" asOf="2024-01" title="A fact">\nA fact [@src, p. 3].\n</Finding>\n';

describe('profiles compiled by the build’s worker threads', () => {
  it('are the code the compiler makes in process, with the gate’s citation links', async () => {
    const inProcess = await satteri({
      features: MDX_FEATURES,
      mdastPlugins: [contentGate({ sources: () => sources })],
    }).createMdxRenderer!(shared, { optimize: true });
    const bodies = [FINDING, `Intro [@src, sec. 2].\n\n${FINDING}`, '## Heading\n\n- a\n- b\n'];
    const workers = pool();
    const pooled = await Promise.all(bodies.map((b, i) => workers.process(profile(b), `/p/${i}.mdx`, { title: 'T' })));
    for (const [i, body] of bodies.entries()) {
      const expected = await inProcess.process(profile(body), `/p/${i}.mdx`, { title: 'T' });
      expect(pooled[i]).toEqual(expected);
    }
    expect(pooled[0].code).toContain('href=\\"/sources/src/\\"');
  });

  it('refuse hostile content with the gate’s message, line and column, and compile the next file', async () => {
    const workers = pool(1);
    const refused = workers.process(profile('# Heading\nimport fs from "node:fs"\n'), '/p/bad.mdx', {});
    await expect(refused).rejects.toMatchObject({
      name: 'ContentGateError',
      line: 5,
      column: 1,
      message: expect.stringContaining('unsafe-mdx'),
    });
    await expect(workers.process(profile(FINDING), '/p/good.mdx', {})).resolves.toHaveProperty('code');
  });

  it('refuse a citation of a source the worker was not given', async () => {
    const refused = pool(1).process(profile('Text [@elsewhere, p. 2].\n'), '/p/unknown.mdx', {});
    await expect(refused).rejects.toThrow(/unknown-source.*"@elsewhere"/s);
  });

  it('compile nothing once closed: a late file fails instead of waiting forever', async () => {
    const workers = pool(1);
    await workers.close();
    await expect(workers.process(profile(FINDING), '/p/late.mdx', {})).rejects.toThrow(/closed/);
  });

  it('finish what was already sent when the pool is closed, then end', async () => {
    const workers = pool(1);
    const sent = workers.process(profile(FINDING), '/p/sent.mdx', {});
    await workers.close();
    await expect(sent).resolves.toHaveProperty('code');
  });

  it('are not started with options a thread cannot receive (the build then compiles in process)', () => {
    const withFunction = { ...setup, shared: { ...shared, shikiConfig: { transformers: [{ code: () => {} }] } } };
    expect(() => pooledMdxRenderer(withFunction as unknown as PoolSetup, 1)).toThrow();
  });
});
