import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  outputFiles,
  readOutput,
  seenNow,
  unchangedSince,
  type FileOnDisk,
} from '../../../src/prerender-tap/output-on-disk.ts';
import { folderWith } from '../../support/temp-folder.ts';
import { digestOf } from '../../../src/prerender-tap/rendered-pages.ts';

const folder = (files: Record<string, string>) => folderWith(files, 'cg-on-disk-');

/** Reads the folder as the worker does, keeping what was heard; `known`: files read while rendering. */
async function heard(
  dir: string,
  wants = (_: string) => true,
  known?: Parameters<typeof readOutput>[3],
): Promise<Map<string, FileOnDisk>> {
  const found = new Map<string, FileOnDisk>();
  await readOutput(dir, wants, (f) => found.set(f.file, f), known);
  return found;
}

/** File times are trusted only once a file is older than a clock tick; tests wait that long after writing. */
const settle = () => new Promise((r) => setTimeout(r, 150));

describe('the output folder read once for every consumer', () => {
  it('lists every file, "/"-separated and sorted', () => {
    const dir = folder({ 'b/index.html': 'b', 'a.css': 'a', 'a/x/index.html': 'x' });
    expect(outputFiles(dir)).toEqual(['a.css', 'a/x/index.html', 'b/index.html']);
  });

  it('hands over each wanted file with the fingerprint of its bytes, and reads no other', async () => {
    const dir = folder({ 'a/index.html': '<p>a</p>', 'data.json': '{}' });
    const found = await heard(dir, (f) => f.endsWith('.html'));
    expect([...found.keys()]).toEqual(['a/index.html']);
    expect(found.get('a/index.html')!.digest).toBe(digestOf(Buffer.from('<p>a</p>')));
    expect(found.get('a/index.html')!.text).toBe('<p>a</p>');
  });

  // Pagefind's input is written by the same thread: it must get a turn between two files.
  it('lets other work of its thread run between two files', async () => {
    const dir = folder({ 'a.html': 'a', 'b.html': 'b', 'c.html': 'c' });
    const found: string[] = [];
    const read = readOutput(
      dir,
      () => true,
      (f) => found.push(f.file),
    );
    const seenMeanwhile = await new Promise<number>((r) => setImmediate(() => r(found.length)));
    await read;
    expect(seenMeanwhile).toBeLessThan(3);
    expect(found).toEqual(['a.html', 'b.html', 'c.html']);
  });

  it('lists the folder when asked, so files written after that are not part of the read', async () => {
    const dir = folder({ 'a.html': 'a' });
    const read = readOutput(
      dir,
      () => true,
      () => {},
    );
    writeFileSync(join(dir, 'later.html'), 'later');
    const found: string[] = [];
    await readOutput(
      dir,
      () => true,
      (f) => found.push(f.file),
    );
    await read;
    expect(found).toEqual(['a.html', 'later.html']);
  });
});

describe('a file read earlier', () => {
  it('counts as unchanged while nothing has written to it', async () => {
    const dir = folder({ 'a.html': '<p>a</p>' });
    await settle();
    const { seen } = (await heard(dir)).get('a.html')!;
    expect(unchangedSince(join(dir, 'a.html'), seen)).toBe(true);
  });

  it('counts as changed once written, even with bytes of the same length', async () => {
    const dir = folder({ 'a.html': '<p>a</p>' });
    await settle();
    const { seen } = (await heard(dir)).get('a.html')!;
    writeFileSync(join(dir, 'a.html'), '<p>b</p>');
    expect(unchangedSince(join(dir, 'a.html'), seen)).toBe(false);
  });

  it('counts as changed once replaced by another file, or removed', async () => {
    const dir = folder({ 'a.html': '<p>a</p>', 'b.html': '<p>b</p>', 'c.html': '<p>c</p>' });
    await settle();
    const found = await heard(dir);
    renameSync(join(dir, 'c.html'), join(dir, 'a.html'));
    rmSync(join(dir, 'b.html'));
    expect(unchangedSince(join(dir, 'a.html'), found.get('a.html')!.seen)).toBe(false);
    expect(unchangedSince(join(dir, 'b.html'), found.get('b.html')!.seen)).toBe(false);
  });

  it('is read again if it was written too shortly before it was read for its times to tell a later write', async () => {
    const dir = folder({ 'a.html': '<p>a</p>' });
    const { seen } = (await heard(dir)).get('a.html')!;
    expect(unchangedSince(join(dir, 'a.html'), seen)).toBe(false);
  });
});

describe('a kept page read while rendering', () => {
  const a = '<p>a</p>';
  /** The page as the rendering thread read it: its status first, then its bytes. */
  const readWhileRendering = (dir: string, file: string) => ({
    seen: seenNow(join(dir, file)),
    digest: digestOf(readFileSync(join(dir, file))),
  });

  it('is not read again at the end while its status is unchanged: its digest is the one it was read with', async () => {
    const dir = folder({ 'a.html': a, 'b.html': '<p>b</p>' });
    await settle();
    const before = readWhileRendering(dir, 'a.html');
    // A digest the file does not have: heard as given, the file was not read again.
    const claimed = { ...before, digest: digestOf(Buffer.from('<p>other</p>')) };
    const found = await heard(dir, undefined, new Map([['a.html', claimed]]));
    expect(found.get('a.html')!.digest).toBe(claimed.digest);
    expect(found.get('b.html')!.digest).toBe(digestOf(Buffer.from('<p>b</p>')));
    // Asked for its bytes after all, it must still have the digest it was read with.
    expect(() => found.get('a.html')!.text).toThrow(/changed while the build was writing/);
    const honest = await heard(dir, undefined, new Map([['a.html', before]]));
    expect(honest.get('a.html')!.text).toBe(a);
  });

  it('is read again when it was written after it was read, or moments before', async () => {
    const dir = folder({ 'a.html': a, 'b.html': a });
    await settle();
    const before = readWhileRendering(dir, 'a.html');
    writeFileSync(join(dir, 'a.html'), '<p>z</p>');
    writeFileSync(join(dir, 'b.html'), '<p>y</p>');
    // Read at once after its write: a later write could leave the same times, so its status proves nothing.
    const recent = { ...readWhileRendering(dir, 'b.html'), digest: 'not read again' };
    const known = new Map([
      ['a.html', before],
      ['b.html', recent],
    ]);
    const found = await heard(dir, undefined, known);
    expect(found.get('a.html')!.digest).toBe(digestOf(Buffer.from('<p>z</p>')));
    expect(found.get('a.html')!.text).toBe('<p>z</p>');
    expect(found.get('b.html')!.digest).toBe(digestOf(Buffer.from('<p>y</p>')));
  });
});
