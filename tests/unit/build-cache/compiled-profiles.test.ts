/**
 * Profile bodies compiled by earlier builds: one is reused only when everything it was made from is unchanged (the
 * code, every part of the compiler's setup, the file's path and text), a refused profile is never kept, and a
 * damaged entry is compiled again.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NotKeyable } from '../../../src/build-cache/canonical.ts';
import { cachedCompiles, compileKey, setupKey } from '../../../src/build-cache/compiled-profiles.ts';
import { readCacheFile, writeCacheFile } from '../../../src/build-cache/cache-file.ts';
import type { CompileBody } from '../../../src/content-gate/compile-pool.ts';
import type { BodySetup, ProfileBody } from '../../../src/content-gate/profile-body.ts';
import type { Source } from '../../../src/schemas/content.ts';

const root = mkdtempSync(join(tmpdir(), 'compiled-profiles-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(root, `d${files++}`, 'compiled.v8');

const CODE = 'a'.repeat(64);
const setup = (): BodySetup => ({
  markdown: { syntaxHighlight: { type: 'shiki', excludeLangs: ['math'] }, shikiConfig: { theme: 'github-dark' } },
  sources: new Map([['src', { title: 'A report', shortTitle: 'Report', issued: '2024-01' } as Source]]),
  findings: new Map([['c/2024-01/p#a', 'A fact']]),
});

describe('the key of a compiled profile', () => {
  const base = {
    code: CODE,
    setup: setup(),
    filePath: '/c/p.mdx',
    text: '---\ntitle: T\n---\nText.\uFFFD\n',
  };
  const keyOf = (p: typeof base) => compileKey(setupKey(p.code, p.setup), p.filePath, p.text);

  it('is the same for the same inputs, made afresh', () => {
    expect(keyOf({ ...base, setup: setup() })).toBe(keyOf(base));
  });

  // Each case: one input part changed; the compile may differ, so the key must.
  const changes: [string, (p: typeof base) => void][] = [
    ['the code', (p) => (p.code = 'b'.repeat(64))],
    ['code highlighting', (p) => (p.setup.markdown = { ...p.setup.markdown, syntaxHighlight: false })],
    ['the highlighting theme', (p) => (p.setup.markdown = { ...p.setup.markdown, shikiConfig: { theme: 'nord' } })],
    ["a source's title", (p) => p.setup.sources.set('src', { ...p.setup.sources.get('src')!, title: 'Another' })],
    ['a source added', (p) => p.setup.sources.set('new', p.setup.sources.get('src')!)],
    ['a source removed', (p) => p.setup.sources.delete('src')],
    ["a finding's title", (p) => p.setup.findings.set('c/2024-01/p#a', 'Another fact')],
    ['a finding added', (p) => p.setup.findings.set('c/2024-01/p#b', 'B')],
    ['the file path', (p) => (p.filePath = '/c/q.mdx')],
    ['the text', (p) => (p.text = '---\ntitle: T\n---\nText!\n')],
    // Both are the same UTF-8 bytes: the key must hash the text itself.
    ['a lone surrogate in the text', (p) => (p.text = '---\ntitle: T\n---\nText.\uD800\n')],
    ['a frontmatter value', (p) => (p.text = '---\ntitle: U\n---\nText.\uFFFD\n')],
  ];
  it.each(changes)('changes with %s', (_, change) => {
    const changed = { ...base, setup: setup() };
    change(changed);
    expect(keyOf(changed)).not.toBe(keyOf(base));
  });

  it('cannot be made for a setup with a function in it', () => {
    const withFunction = { ...setup(), markdown: { shikiConfig: { transformers: [() => {}] } } } as BodySetup;
    expect(() => setupKey(CODE, withFunction)).toThrow(NotKeyable);
  });
});

const compiled = (text: string): ProfileBody => ({ nodes: [{ html: `<p>${text}</p>` }], headings: [] });

/** A compiler that counts its calls and refuses any content containing "refuse". */
function fakeCompiler() {
  const calls: string[] = [];
  const compile: CompileBody = async (text, filePath) => {
    calls.push(filePath);
    if (text.includes('refuse')) throw Object.assign(new Error('unsafe-mdx'), { line: 1, column: 1 });
    return compiled(text);
  };
  return { compile, calls };
}

describe('a build with the compiled-profile cache', () => {
  const SETUP = setupKey(CODE, setup());
  /** One build: every file compiled (through the cache), then the cache written for the next build. */
  const build = async (file: string, files: Record<string, string>) => {
    const { compile, calls } = fakeCompiler();
    const run = cachedCompiles(compile, file, SETUP);
    const results = await Promise.allSettled(Object.entries(files).map(([path, text]) => run.compile(text, path)));
    await run.finish(results.every((r) => r.status === 'fulfilled'));
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
      const failed = await build(file, { '/bad.mdx': 'refuse me', '/good.mdx': 'G' });
      expect(failed.results[0]).toMatchObject({ message: 'unsafe-mdx' });
      expect(failed.calls).toEqual(i === 0 ? ['/bad.mdx', '/good.mdx'] : ['/bad.mdx']);
    }
    expect(await stored(file)).toBe(1);
  });

  it('keeps, after a refusal, what it had and what it compiled, for the build after the fix', async () => {
    const file = newFile();
    await build(file, { '/a.mdx': 'A' });
    await build(file, { '/b.mdx': 'B', '/bad.mdx': 'refuse me' });
    expect((await build(file, { '/a.mdx': 'A', '/b.mdx': 'B' })).calls).toEqual([]);
  });

  it('keeps, after a build whose profiles all compiled, only what that build used', async () => {
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
    await writeCacheFile(file, new Map([[key, { nodes: [{ html: 42 }], headings: [] }]]));
    expect((await build(file, { '/a.mdx': 'A' })).calls).toEqual(['/a.mdx']);
  });
});
