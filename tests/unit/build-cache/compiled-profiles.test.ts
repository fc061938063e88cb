/**
 * Profiles compiled by earlier builds: one is reused only when everything it was made from is unchanged (the code,
 * every part of the renderer's setup, the file's path, content and frontmatter), a refused profile is never kept,
 * and a damaged entry is compiled again.
 */
import type { MdxRenderer } from '@astrojs/internal-helpers/markdown';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NotKeyable } from '../../../src/build-cache/canonical.ts';
import { cachedCompiles, compileKey, setupKey, type Compiled } from '../../../src/build-cache/compiled-profiles.ts';
import { readCacheFile, writeCacheFile } from '../../../src/build-cache/cache-file.ts';
import type { PoolSetup } from '../../../src/content-gate/compile-pool.ts';
import type { Source } from '../../../src/schemas/content.ts';

const root = mkdtempSync(join(tmpdir(), 'compiled-profiles-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(root, `d${files++}`, 'compiled.v8');

const CODE = 'a'.repeat(64);
const setup = (): PoolSetup => ({
  shared: { syntaxHighlight: false, gfm: true, smartypants: true } as PoolSetup['shared'],
  mdx: { optimize: true, srcDir: 'file:///site/src/', sourcemap: false },
  features: { gfm: true, frontmatter: true },
  sources: new Map([['src', { title: 'A report', shortTitle: 'Report', issued: '2024-01' } as Source]]),
  findings: new Map([['c/2024-01/p#a', 'A fact']]),
});

describe('the key of a compiled profile', () => {
  const base = {
    code: CODE,
    setup: setup(),
    filePath: '/c/p.mdx',
    content: 'Text.\uFFFD\n',
    frontmatter: { title: 'T' },
  };
  const keyOf = (p: typeof base) => compileKey(setupKey(p.code, p.setup), p.filePath, p.content, p.frontmatter);

  it('is the same for the same inputs, made afresh', () => {
    expect(keyOf({ ...base, setup: setup(), frontmatter: { title: 'T' } })).toBe(keyOf(base));
  });

  // Each case: one input part changed; the compile may differ, so the key must.
  const changes: [string, (p: typeof base) => void][] = [
    ['the code', (p) => (p.code = 'b'.repeat(64))],
    ['a Markdown option', (p) => (p.setup.shared = { ...p.setup.shared, smartypants: false })],
    ['an MDX option', (p) => (p.setup.mdx = { ...p.setup.mdx, sourcemap: true })],
    ['the source folder', (p) => (p.setup.mdx = { ...p.setup.mdx, srcDir: 'file:///other/src/' })],
    ['a parser feature', (p) => (p.setup.features = { gfm: false, frontmatter: true })],
    ["a source's title", (p) => p.setup.sources.set('src', { ...p.setup.sources.get('src')!, title: 'Another' })],
    ['a source added', (p) => p.setup.sources.set('new', p.setup.sources.get('src')!)],
    ['a source removed', (p) => p.setup.sources.delete('src')],
    ["a finding's title", (p) => p.setup.findings!.set('c/2024-01/p#a', 'Another fact')],
    ['a finding added', (p) => p.setup.findings!.set('c/2024-01/p#b', 'B')],
    ['no finding titles at all', (p) => delete p.setup.findings],
    ['the file path', (p) => (p.filePath = '/c/q.mdx')],
    ['the content', (p) => (p.content = 'Text!\n')],
    // Both are the same UTF-8 bytes: the key must hash the text itself.
    ['a lone surrogate in the content', (p) => (p.content = 'Text.\uD800\n')],
    ['a frontmatter value', (p) => (p.frontmatter = { title: 'U' })],
    ['a frontmatter field added', (p) => Object.assign(p.frontmatter, { scope: 'S' })],
  ];
  it.each(changes)('changes with %s', (_, change) => {
    const changed = { ...base, setup: setup(), frontmatter: { title: 'T' } };
    change(changed);
    expect(keyOf(changed)).not.toBe(keyOf(base));
  });

  it('cannot be made for a setup with a function in it', () => {
    const withFunction = { ...setup(), shared: { transformers: [() => {}] } } as unknown as PoolSetup;
    expect(() => setupKey(CODE, withFunction)).toThrow(NotKeyable);
  });
});

const compiled = (content: string): Compiled => ({
  code: `export default ${JSON.stringify(content)};`,
  map: undefined,
  astroMetadata: { hydratedComponents: [], clientOnlyComponents: [], serverComponents: [], scripts: [] } as never,
});

/** A compiler that counts its calls and refuses any content containing "refuse". */
function fakeCompiler() {
  const calls: string[] = [];
  const compiler: MdxRenderer = {
    async process(content, filePath) {
      calls.push(filePath);
      if (content.includes('refuse')) throw Object.assign(new Error('unsafe-mdx'), { line: 1, column: 1 });
      return compiled(content);
    },
  };
  return { compiler, calls };
}

describe('a build with the compiled-profile cache', () => {
  const SETUP = setupKey(CODE, setup());
  /** One bundle: every file compiled (through the cache), then the cache written for the next build. */
  const build = async (file: string, files: Record<string, string>, { bundled = true } = {}) => {
    const { compiler, calls } = fakeCompiler();
    const run = cachedCompiles(compiler, file, SETUP);
    const results = await Promise.allSettled(
      Object.entries(files).map(([path, text]) => run.renderer.process(text, path, {})),
    );
    await run.finish(bundled);
    return { results: results.map((r) => (r.status === 'fulfilled' ? r.value : r.reason)), calls, ...run.counts() };
  };
  const stored = async (file: string) => [...(await readCacheFile(file)).keys()].length;

  it('compiles every profile the first time and none the second, with the same results', async () => {
    const file = newFile();
    const files = { '/a.mdx': 'A', '/b.mdx': 'B' };
    const first = await build(file, files);
    expect(first).toMatchObject({ calls: ['/a.mdx', '/b.mdx'], total: 2, cached: 0 });
    const second = await build(file, files);
    expect(second).toMatchObject({ calls: [], total: 2, cached: 2 });
    expect(second.results).toEqual(first.results);
  });

  it('compiles an edited profile again, and only that one', async () => {
    const file = newFile();
    await build(file, { '/a.mdx': 'A', '/b.mdx': 'B' });
    const edited = await build(file, { '/a.mdx': 'A', '/b.mdx': 'B, edited' });
    expect(edited.calls).toEqual(['/b.mdx']);
    expect(edited.results[1]).toEqual(compiled('B, edited'));
  });

  it('never keeps a refusal: the refused profile reaches the compiler, and is refused, every time', async () => {
    const file = newFile();
    for (let i = 0; i < 2; i++) {
      const failed = await build(file, { '/bad.mdx': 'refuse me', '/good.mdx': 'G' }, { bundled: false });
      expect(failed.results[0]).toMatchObject({ message: 'unsafe-mdx' });
      expect(failed.calls).toEqual(i === 0 ? ['/bad.mdx', '/good.mdx'] : ['/bad.mdx']);
    }
    expect(await stored(file)).toBe(1);
  });

  it('keeps, after a bundle that failed, what it had and what it compiled, for the build after the fix', async () => {
    const file = newFile();
    await build(file, { '/a.mdx': 'A' });
    await build(file, { '/b.mdx': 'B', '/bad.mdx': 'refuse me' }, { bundled: false });
    expect((await build(file, { '/a.mdx': 'A', '/b.mdx': 'B' })).calls).toEqual([]);
  });

  it('keeps, after a bundle that succeeded, only what that build used', async () => {
    const file = newFile();
    await build(file, { '/a.mdx': 'A', '/b.mdx': 'B' });
    await build(file, { '/a.mdx': 'A, edited', '/b.mdx': 'B' });
    expect(await stored(file)).toBe(2);
    expect((await build(file, { '/a.mdx': 'A' })).calls).toEqual(['/a.mdx']);
  });

  it('compiles everything again over a damaged cache file, and writes it whole', async () => {
    const file = newFile();
    await build(file, { '/a.mdx': 'A', '/b.mdx': 'B' });
    writeFileSync(file, readFileSync(file).subarray(0, 100));
    expect((await build(file, { '/a.mdx': 'A', '/b.mdx': 'B' })).calls).toEqual(['/a.mdx', '/b.mdx']);
    expect((await build(file, { '/a.mdx': 'A', '/b.mdx': 'B' })).calls).toEqual([]);
  });

  it('compiles again over an entry that is not a compile', async () => {
    const file = newFile();
    await build(file, { '/a.mdx': 'A' });
    const [key] = (await readCacheFile(file)).keys();
    await writeCacheFile(file, new Map([[key, { code: 42 }]]));
    expect((await build(file, { '/a.mdx': 'A' })).calls).toEqual(['/a.mdx']);
  });

  it('keeps what the compiler made, whatever the build does to the result afterwards', async () => {
    const file = newFile();
    for (let i = 0; i < 2; i++) {
      const run = cachedCompiles(fakeCompiler().compiler, file, SETUP);
      const result = await run.renderer.process('A', '/a.mdx', {});
      expect(result).toEqual(compiled('A'));
      (result.astroMetadata as { propagation?: string }).propagation = 'in-tree';
      await run.finish(true);
    }
  });

  it('compiles a profile whose frontmatter is not plain data, and does not keep it', async () => {
    const file = newFile();
    const { compiler, calls } = fakeCompiler();
    const run = cachedCompiles(compiler, file, SETUP);
    await run.renderer.process('A', '/a.mdx', { odd: () => {} });
    await run.finish(true);
    expect(calls).toEqual(['/a.mdx']);
    expect(existsSync(file)).toBe(false);
  });
});
