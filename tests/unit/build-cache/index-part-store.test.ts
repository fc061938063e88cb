/**
 * Parts of the search index kept between builds are published only whole and only for the inputs they were written
 * from: a changed, missing or unreadable file, another key or another code means the part is indexed again.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexPartStore, partKey } from '../../../src/build-cache/index-part-store.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cg-part-'));
  dirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const PART = {
  'pagefind-entry.json': '{"version":"1.6.0"}',
  'index/en_1.pf_index': 'words',
  'fragment/en_2.pf_fragment': 'page',
};
const inputs = { code: 'c1', parts: 4, part: 2, primary: false, pages: [['a/index.html', 'd1']] as const };

/** A store that kept PART as part "4/2" from `inputs`. */
async function keptStore() {
  const store = folder({});
  const written = folder(PART);
  const first = new IndexPartStore(store);
  first.keep('4/2', partKey(inputs), 'c1', written, new Map(inputs.pages));
  await first.save();
  return { store, written };
}

describe('the key of a part', () => {
  it('changes with the code, the number of parts, the part, its place and every page and its order', () => {
    const key = partKey(inputs);
    const pages = [
      ['a/index.html', 'd1'],
      ['b/index.html', 'd2'],
    ] as const;
    const variants = [
      { ...inputs, code: 'c2' },
      { ...inputs, parts: 8 },
      { ...inputs, part: 3 },
      { ...inputs, primary: true },
      { ...inputs, pages: [['a/index.html', 'd9']] as const },
      { ...inputs, pages },
      { ...inputs, pages: [...pages].reverse() },
    ];
    const keys = variants.map(partKey);
    expect(new Set([key, ...keys]).size).toBe(variants.length + 1);
  });
});

describe('a kept part', () => {
  it('is published file for file when asked for with the key it was kept under', async () => {
    const { store } = await keptStore();
    const again = new IndexPartStore(store);
    expect([...again.pagesOf('4/2', 'c1')!]).toEqual(inputs.pages);
    const target = join(folder({}), 'part-2');
    expect(await again.publish('4/2', partKey(inputs), target)).toBe(true);
    for (const [file, text] of Object.entries(PART)) expect(readFileSync(join(target, file), 'utf8')).toBe(text);
  });

  it('is not expected by other code, and not published for another key', async () => {
    const { store } = await keptStore();
    const again = new IndexPartStore(store);
    expect(again.pagesOf('4/2', 'c2')).toBeUndefined();
    expect(again.pagesOf('4/1', 'c1')).toBeUndefined();
    const target = join(folder({}), 'part-2');
    expect(await again.publish('4/2', partKey({ ...inputs, code: 'c2' }), target)).toBe(false);
    expect(existsSync(target)).toBe(false);
  });

  it('is not published, and nothing of it put in place, when one of its files changed or is gone', async () => {
    const { store, written } = await keptStore();
    // The store links the files the build published: a change to a published file is a change to the kept one.
    writeFileSync(join(written, 'index/en_1.pf_index'), 'other words');
    const target = join(folder({}), 'part-2');
    expect(await new IndexPartStore(store).publish('4/2', partKey(inputs), target)).toBe(false);
    expect(existsSync(target)).toBe(false);
    const second = await keptStore();
    rmSync(join(second.written, 'fragment'), { recursive: true });
    const kept = readdirSync(second.store).find((n) => /^[0-9a-f]{64}$/.test(n))!;
    rmSync(join(second.store, kept, 'fragment'), { recursive: true });
    expect(await new IndexPartStore(second.store).publish('4/2', partKey(inputs), target)).toBe(false);
  });

  it('is forgotten when its record is damaged', async () => {
    const { store } = await keptStore();
    const record = readdirSync(store).find((n) => n.startsWith('parts.'))!;
    const bytes = readFileSync(join(store, record));
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(join(store, record), bytes);
    expect(new IndexPartStore(store).pagesOf('4/2', 'c1')).toBeUndefined();
  });

  it('of the primary index keeps its own files, not the other parts’ folders or their manifest beside them', async () => {
    const store = folder({});
    const primary = folder({ ...PART, 'pagefind.js': 'js', 'part-1/pagefind-entry.json': '{}', 'parts.json': '{}' });
    const s = new IndexPartStore(store);
    const key = partKey({ ...inputs, part: 0, primary: true });
    s.keep('4/0', key, 'c1', primary, new Map());
    await s.save();
    const kept = readdirSync(join(store, key), { recursive: true }).map(String).sort();
    expect(kept).toEqual([
      'fragment',
      'fragment/en_2.pf_fragment',
      'index',
      'index/en_1.pf_index',
      'pagefind-entry.json',
      'pagefind.js',
    ]);
  });

  it('that no build used last is dropped from the store when the build saves', async () => {
    const { store } = await keptStore();
    const next = new IndexPartStore(store);
    const other = folder(PART);
    const key = partKey({ ...inputs, part: 1 });
    next.keep('4/1', key, 'c1', other, new Map());
    await next.save();
    expect(readdirSync(store).filter((n) => /^[0-9a-f]{64}$/.test(n))).toEqual([key]);
    expect(new IndexPartStore(store).pagesOf('4/2', 'c1')).toBeUndefined();
  });
});
