/**
 * Pages kept between builds are used only whole: the bytes a key rendered to, checked against their digest.
 * Anything else (no store, a file changed or gone, an unreadable record) is a page to render again.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { digestOf } from '../../../src/prerender-tap/rendered-pages.ts';
import { PageStore } from '../../../src/build-cache/page-store.ts';

const KEY_A = 'a'.repeat(64);
const KEY_B = 'b'.repeat(64);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** An output folder with `pages` published in it, and a store folder beside it. */
function setUp(pages: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'cg-page-store-'));
  dirs.push(root);
  const out = join(root, 'out');
  for (const [file, text] of Object.entries(pages)) {
    mkdirSync(join(out, file, '..'), { recursive: true });
    writeFileSync(join(out, file), text);
  }
  return { out, store: join(root, 'store') };
}
const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : undefined);

/** A first build that rendered `pages` (key → [file, bytes]) and saved them from `out`. */
async function firstBuild(store: string, out: string, pages: Record<string, [string, string]>): Promise<void> {
  const first = new PageStore(store);
  for (const [key, [file, rendered]] of Object.entries(pages)) first.record(key, file, bytes(rendered));
  await first.save(out);
}
const A: Record<string, [string, string]> = { [KEY_A]: ['a/index.html', '<p>A</p>'] };
const AB: Record<string, [string, string]> = { ...A, [KEY_B]: ['b/index.html', '<p>B</p>'] };

describe('the page store', () => {
  it('has nothing before a build has saved it', () => {
    const { store } = setUp({});
    expect(new PageStore(store).lookup(KEY_A)).toBeUndefined();
  });

  it('gives the next build the bytes a key rendered to, and counts what it reused', async () => {
    const { out, store } = setUp({ 'a/index.html': '<p>A</p>', 'b/index.html': '<p>B</p>' });
    await firstBuild(store, out, AB);
    const second = new PageStore(store);
    expect(text(second.lookup(KEY_A))).toBe('<p>A</p>');
    second.reuse(KEY_A, 'a/index.html');
    expect(second.counts()).toEqual({ reused: 1, total: 1 });
  });

  it('knows the digest of a kept page without hashing it again: that of the bytes it gives', async () => {
    const { out, store } = setUp({ 'a/index.html': '<p>A</p>' });
    await firstBuild(store, out, A);
    const second = new PageStore(store);
    expect(second.keptDigest(KEY_A)).toBe(digestOf(second.lookup(KEY_A)!));
    expect(second.keptDigest(KEY_B)).toBeUndefined();
  });

  it('reads a kept page back where it was published, with the status its file had before, and refuses other bytes', async () => {
    const { out, store } = setUp({ 'a/index.html': '<p>A</p>' });
    await firstBuild(store, out, A);
    const second = new PageStore(store);
    const target = join(out, 'again.html');
    await second.publish(KEY_A, target);
    const page = second.readPublished(KEY_A, target)!;
    expect(text(page.bytes)).toBe('<p>A</p>');
    expect(page.seen.ino).toBe(statSync(target, { bigint: true }).ino);
    // A link to the kept file: a write to it is a write to the kept page.
    writeFileSync(target, '<p>B</p>');
    expect(second.readPublished(KEY_A, target)).toBeUndefined();
    expect(second.readPublished(KEY_B, target)).toBeUndefined();
    expect(second.readPublished(KEY_A, join(out, 'missing.html'))).toBeUndefined();
  });

  it('gives bytes that own their whole memory, small page or large, so they can be moved to another thread', async () => {
    const large = `<p>${'x'.repeat(64 * 1024)}</p>`;
    const { out, store } = setUp({ 'a/index.html': '<p>A</p>', 'b/index.html': large });
    await firstBuild(store, out, { ...A, [KEY_B]: ['b/index.html', large] });
    const second = new PageStore(store);
    for (const key of [KEY_A, KEY_B]) {
      const bytes = second.lookup(key)!;
      expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
      const target = join(out, `${key}.html`);
      await second.publish(key, target);
      const read = second.readPublished(key, target)!.bytes;
      expect(read.buffer.byteLength).toBe(read.byteLength);
    }
    expect(text(second.lookup(KEY_B))).toBe(large);
  });

  it('keeps a page after the published folder is deleted (a link, not the published name)', async () => {
    const { out, store } = setUp({ 'a/index.html': '<p>A</p>' });
    await firstBuild(store, out, A);
    rmSync(out, { recursive: true });
    expect(text(new PageStore(store).lookup(KEY_A))).toBe('<p>A</p>');
  });

  it('does not use a page whose file was changed in place after it was published', async () => {
    const { out, store } = setUp({ 'a/index.html': '<p>A</p>' });
    await firstBuild(store, out, A);
    writeFileSync(join(out, 'a/index.html'), '<p>changed</p>'); // the same file as the kept page
    expect(new PageStore(store).lookup(KEY_A)).toBeUndefined();
  });

  it('does not keep a page whose published file is not what was rendered', async () => {
    const { out, store } = setUp({ 'a/index.html': '<p>not as rendered</p>' });
    await firstBuild(store, out, A);
    expect(new PageStore(store).lookup(KEY_A)).toBeUndefined();
  });

  it('reads an unreadable record as an empty store', async () => {
    const { out, store } = setUp({ 'a/index.html': '<p>A</p>' });
    await firstBuild(store, out, A);
    writeFileSync(join(store, 'pages.v9'), '{"format":1,"pages":');
    expect(new PageStore(store).lookup(KEY_A)).toBeUndefined();
  });

  it('drops the pages the last build did not record', async () => {
    const { out, store } = setUp({ 'a/index.html': '<p>A</p>', 'b/index.html': '<p>B</p>' });
    await firstBuild(store, out, AB);
    const second = new PageStore(store);
    second.reuse(KEY_A, 'a/index.html');
    await second.save(out);
    expect(readdirSync(store).sort()).toEqual([KEY_A, 'pages.v9']);
    expect(new PageStore(store).lookup(KEY_B)).toBeUndefined();
  });

  it('puts a kept page in the next output folder as the same bytes', async () => {
    const { out, store } = setUp({ 'a/index.html': '<p>A</p>' });
    await firstBuild(store, out, A);
    const second = new PageStore(store);
    expect(second.lookup(KEY_A)).toBeDefined();
    const next = join(out, '..', 'next.html');
    await second.publish(KEY_A, next);
    expect(readFileSync(next, 'utf8')).toBe('<p>A</p>');
  });

  it('tells a page is kept without reading it while its file is as the last build saw it; using it still checks the bytes', async () => {
    const { out, store } = setUp({ 'a/index.html': '<p>A</p>' });
    // Written an hour ago: a file written moments before it is seen could be written again with the same times.
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(out, 'a/index.html'), anHourAgo, anHourAgo);
    await firstBuild(store, out, A);
    expect(new PageStore(store).holds(KEY_A)).toBe(true);
    // The same size written in place, its mtime set back: the status hides it, the digest does not.
    writeFileSync(join(store, KEY_A), '<p>Z</p>');
    utimesSync(join(store, KEY_A), anHourAgo, anHourAgo);
    expect(new PageStore(store).holds(KEY_A)).toBe(true);
    expect(new PageStore(store).lookup(KEY_A)).toBeUndefined();
    // An ordinary write moves the mtime: the page is read, and not kept.
    writeFileSync(join(store, KEY_A), '<p>Y</p>');
    expect(new PageStore(store).holds(KEY_A)).toBe(false);
  });

  it('reads a page whose file was written moments before the build saw it', async () => {
    const { out, store } = setUp({ 'a/index.html': '<p>not as rendered</p>' });
    await firstBuild(store, out, A);
    expect(new PageStore(store).holds(KEY_A)).toBe(false);
  });

  it('forgets a page found changed, for the next build too', async () => {
    const { out, store } = setUp({ 'a/index.html': '<p>A</p>' });
    await firstBuild(store, out, A);
    new PageStore(store).forget(KEY_A);
    expect(new PageStore(store).holds(KEY_A)).toBe(false);
  });

  describe('publishing a kept page', () => {
    it('leaves it as it is where the output it was published in already holds it (a rebuild into that output)', async () => {
      const { out, store } = setUp({ 'a/index.html': '<p>A</p>' });
      await firstBuild(store, out, A);
      const before = statSync(join(out, 'a/index.html'), { bigint: true });
      new PageStore(store).publish(KEY_A, join(out, 'a/index.html'));
      const after = statSync(join(out, 'a/index.html'), { bigint: true });
      expect([after.ino, after.ctimeNs]).toEqual([before.ino, before.ctimeNs]);
    });

    it('replaces another file at its path without writing to it (that file may be another kept page)', async () => {
      const { out, store } = setUp({ 'a/index.html': '<p>A</p>', 'b/index.html': '<p>B</p>' });
      await firstBuild(store, out, AB);
      // B's page now stands where A's is published, as when a path's page changed back to what an earlier build kept.
      new PageStore(store).publish(KEY_B, join(out, 'a/index.html'));
      expect(readFileSync(join(out, 'a/index.html'), 'utf8')).toBe('<p>B</p>');
      expect(readFileSync(join(store, KEY_A), 'utf8')).toBe('<p>A</p>');
      expect(text(new PageStore(store).lookup(KEY_A))).toBe('<p>A</p>');
    });

    it('makes the folders it needs', async () => {
      const { out, store } = setUp({ 'a/index.html': '<p>A</p>' });
      await firstBuild(store, out, A);
      new PageStore(store).publish(KEY_A, join(out, 'new/deep/index.html'));
      expect(readFileSync(join(out, 'new/deep/index.html'), 'utf8')).toBe('<p>A</p>');
    });
  });

  it('refuses a key that could name a path outside the store', async () => {
    const { store } = setUp({});
    expect(() => new PageStore(store).record('../../etc/passwd', 'x', bytes(''))).toThrow(/not a page key/);
    expect(() => new PageStore(store).publish('../../etc/passwd', 'x')).toThrow(/not a page key/);
  });
});
