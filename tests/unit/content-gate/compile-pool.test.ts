/**
 * `astro build` compiles profile bodies in worker threads (src/content-gate/compile-pool.ts). What a worker makes must
 * be exactly what the compiler makes in process, and what it refuses must fail the build with the same message and
 * location.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pooledCompiler } from '../../../src/content-gate/compile-pool.ts';
import { bodyCompiler, type BodySetup } from '../../../src/content-gate/profile-body.ts';
import type { Source } from '../../../src/schemas/content.ts';

const sources = new Map([['src', { title: 'A "report" <b>', shortTitle: 'Report', issued: '2024-01-15' } as Source]]);
// No code blocks are highlighted here, so no highlighter is loaded.
const setup: BodySetup = { markdown: { syntaxHighlight: false }, sources, findings: new Map() };

const pools: ReturnType<typeof pooledCompiler>[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});
const pool = (size = 2) => {
  const p = pooledCompiler(setup, size);
  pools.push(p);
  return p;
};

const text = (body: string) => `---\ntitle: T\n---\n${body}`;
const FINDING = '<Finding id="a" asOf="2024-01" title="A fact">\nA fact [@src, p. 3].\n</Finding>\n';
const compileIn = (p: ReturnType<typeof pooledCompiler>, body: string, file: string) => p.compile(text(body), file);

describe('profiles compiled by the build’s worker threads', () => {
  it('are the bodies the compiler makes in process, with the gate’s citation links', async () => {
    const inProcess = bodyCompiler(setup);
    const bodies = [FINDING, `Intro [@src, sec. 2].\n\n${FINDING}`, '## Heading\n\n- a\n- b\n'];
    const workers = pool();
    const pooled = await Promise.all(bodies.map((b, i) => compileIn(workers, b, `/p/${i}.mdx`)));
    for (const [i, body] of bodies.entries()) {
      expect(pooled[i]).toEqual(await inProcess(text(body), `/p/${i}.mdx`));
    }
    expect(JSON.stringify(pooled[0])).toContain('href=\\"/sources/src/\\"');
  });

  it('refuse hostile content with the gate’s message, line and column, and compile the next file', async () => {
    const workers = pool(1);
    const refused = compileIn(workers, '# Heading\nimport fs from "node:fs"\n', '/p/bad.mdx');
    await expect(refused).rejects.toMatchObject({
      name: 'ContentGateError',
      line: 5,
      column: 1,
      message: expect.stringContaining('unsafe-mdx'),
    });
    await expect(compileIn(workers, FINDING, '/p/good.mdx')).resolves.toHaveProperty('nodes');
  });

  it('refuse a citation of a source the worker was not given', async () => {
    const refused = compileIn(pool(1), 'Text [@elsewhere, p. 2].\n', '/p/unknown.mdx');
    await expect(refused).rejects.toThrow(/unknown-source.*"@elsewhere"/s);
  });

  it('compile nothing once closed: a late file fails instead of waiting forever', async () => {
    const workers = pool(1);
    await workers.close();
    await expect(compileIn(workers, FINDING, '/p/late.mdx')).rejects.toThrow(/closed/);
  });

  it('finish what was already sent when the pool is closed, then end', async () => {
    const workers = pool(1);
    const sent = compileIn(workers, FINDING, '/p/sent.mdx');
    await workers.close();
    await expect(sent).resolves.toHaveProperty('nodes');
  });

  it('are not started with settings a thread cannot receive (the build then compiles in process)', () => {
    const withFunction = { ...setup, markdown: { shikiConfig: { transformers: [{ code: () => {} }] } } };
    expect(() => pooledCompiler(withFunction, 1)).toThrow();
  });
});
