/**
 * A cache file comes back whole or not at all: one cut short, changed, emptied or holding something else is an
 * empty cache (the build then makes every result again), never an error or a stale value.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { readCacheFile, readCacheFileSync, writeCacheFile } from '../../../src/build-cache/cache-file.ts';

const root = mkdtempSync(join(tmpdir(), 'cache-file-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(root, `d${files++}`, 'cache.v8');

describe('a cache file', () => {
  it('gives back the entries written, undefined fields included, in a folder it makes', async () => {
    const file = newFile();
    await writeCacheFile(file, new Map([['k', { code: 'x', map: undefined }]]));
    const read = await readCacheFile(file);
    expect(read).toEqual(new Map([['k', { code: 'x', map: undefined }]]));
    expect('map' in (read.get('k') as object)).toBe(true);
    expect(readdirSync(join(file, '..'))).toEqual(['cache.v8']);
  });

  it('is empty when it does not exist', async () => {
    expect(await readCacheFile(newFile())).toEqual(new Map());
    expect(readCacheFileSync(newFile())).toEqual(new Map());
  });

  it('reads the same synchronously, for the content check', async () => {
    const file = newFile();
    await writeCacheFile(file, new Map([['k', { code: 'x', map: undefined }]]));
    expect(readCacheFileSync(file)).toStrictEqual(await readCacheFile(file));
  });

  it('is replaced whole by the next write', async () => {
    const file = newFile();
    await writeCacheFile(file, new Map([['a', 1]]));
    await writeCacheFile(file, new Map([['b', 2]]));
    expect(await readCacheFile(file)).toEqual(new Map([['b', 2]]));
  });

  // Each case: what became of the file; every one must read as an empty cache.
  const damaged: [string, (bytes: Buffer) => Buffer][] = [
    ['emptied', () => Buffer.alloc(0)],
    ['cut short', (b) => b.subarray(0, b.length - 3)],
    ['cut to its digest', (b) => b.subarray(0, 32)],
    // A letter of the stored code: still a well-formed value, only the digest tells it is not what was written.
    [
      'one letter of an entry changed',
      (b) => Buffer.from(b.map((x, i) => (i === b.indexOf('stored code') ? x ^ 1 : x))),
    ],
    ['one byte of the digest changed', (b) => Buffer.from(b.map((x, i) => (i === 0 ? x ^ 1 : x)))],
    ['overwritten with text', () => Buffer.from('not a cache at all, but long enough to pass for a digest')],
  ];
  it.each(damaged)('is empty when %s', async (_, damage) => {
    const file = newFile();
    await writeCacheFile(file, new Map([['k', { code: 'stored code' }]]));
    writeFileSync(file, damage(readFileSync(file)));
    expect(await readCacheFile(file)).toEqual(new Map());
    expect(readCacheFileSync(file)).toEqual(new Map());
  });

  it('is empty when it holds a whole value that is not a Map of entries', async () => {
    const file = newFile();
    await writeCacheFile(file, new Map());
    const payload = serialize([['k', 1]]);
    writeFileSync(file, Buffer.concat([createHash('sha256').update(payload).digest(), payload]));
    expect(await readCacheFile(file)).toEqual(new Map());
  });

  it('is left as it was, with no temporary file, when it cannot be written', async () => {
    const file = newFile();
    await writeCacheFile(file, new Map([['a', 1]]));
    await expect(writeCacheFile(file, new Map([['f', () => {}]]))).resolves.toBeUndefined();
    expect(await readCacheFile(file)).toEqual(new Map([['a', 1]]));
    expect(readdirSync(join(file, '..'))).toEqual(['cache.v8']);
  });

  it('is not written, and nothing fails, where its folder cannot be made', async () => {
    const blocked = join(root, `blocked${files++}`);
    writeFileSync(blocked, '');
    await expect(writeCacheFile(join(blocked, 'cache.v8'), new Map([['a', 1]]))).resolves.toBeUndefined();
    expect(existsSync(join(blocked, 'cache.v8'))).toBe(false);
  });
});
