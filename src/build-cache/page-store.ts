/**
 * Rendered pages kept between builds, by the key of everything they were rendered from (src/integrations/
 * page-cache.ts makes the keys). A page is kept as a hard link to the file the build published, not a copy: keeping
 * 2,700 pages costs 2,700 links. A kept page is used only if its bytes still have the digest recorded when it was
 * rendered: a published file changed in place (a hard link shares the change), a half-written or missing one, or
 * an unreadable record all mean "not kept", never a wrong page. Which pages are kept is told before rendering from
 * each file's status (`holds`), without reading it; a page whose bytes then fail the digest when it is used was
 * written to with its mtime set back, and the build that finds it fails instead of publishing it.
 */
import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { seenNow, unchangedSince, type SeenFile } from '../prerender-tap/output-on-disk.ts';
import { digestOf } from '../prerender-tap/rendered-pages.ts';
import { readCacheFileSync, writeCacheFile } from './cache-file.ts';

/** key → SHA-256 of the page's bytes (base64) and the status of its file when the build saved it, in a cache file (./cache-file.ts). */
const RECORD = 'pages.v9';

interface Kept {
  digest: string;
  seen: SeenFile;
}

function isKept(value: unknown): value is Kept {
  if (typeof value !== 'object' || value === null) return false;
  const { digest, seen } = value as Partial<Kept>;
  const isSeen = (s: unknown): s is SeenFile =>
    typeof s === 'object' &&
    s !== null &&
    (['ino', 'size', 'mtimeNs', 'ctimeNs', 'at'] as const).every((k) => typeof (s as SeenFile)[k] === 'bigint');
  return typeof digest === 'string' && isSeen(seen);
}

// The fingerprint every consumer of rendered pages compares bytes by.
const digest = digestOf;

/**
 * The bytes as an array that owns its whole memory, so that they can be moved to the worker thread: the buffer
 * Node read a page into is its own (a page is larger than the few kilobytes Node reads into a shared pool), and is
 * copied only if it is not. Copying every kept page cost 750 MB of copies at 10,000 profiles.
 */
function owned(read: Buffer): Uint8Array<ArrayBuffer> {
  const whole = read.byteOffset === 0 && read.byteLength === read.buffer.byteLength;
  return whole && read.buffer instanceof ArrayBuffer ? new Uint8Array(read.buffer) : new Uint8Array(read);
}

/** Keys name files: hex only, so that no key can name a path outside the store. */
const KEY = /^[0-9a-f]{64}$/;

/** Links `published` as `stored`, replacing what was stored; false if it cannot (another file system, no file). */
function keepAs(published: string, stored: string): boolean {
  try {
    linkSync(published, stored);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
  }
  try {
    rmSync(stored, { force: true });
    linkSync(published, stored);
    return true;
  } catch {
    return false;
  }
}

export class PageStore {
  private readonly earlier: Map<string, Kept>;
  /** This build's pages: key → where the page was written (relative to the output folder) and its digest. */
  private readonly kept = new Map<string, { file: string; digest: string; reused: boolean }>();

  private readonly dir: string;

  /** Opens the store in `dir` (created when the build saves it). */
  constructor(dir: string) {
    this.dir = dir;
    this.earlier = new Map();
    // No store yet, or a damaged record, is an empty store: nothing is kept.
    for (const [key, value] of readCacheFileSync(join(dir, RECORD)))
      if (KEY.test(key) && isKept(value)) this.earlier.set(key, value);
  }

  /** The page rendered from `key` in an earlier build, if it is kept whole. */
  lookup(key: string): Uint8Array<ArrayBuffer> | undefined {
    const expected = this.earlier.get(key)?.digest;
    if (expected === undefined) return undefined;
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = owned(readFileSync(join(this.dir, key)));
    } catch {
      return undefined;
    }
    return digest(bytes) === expected ? bytes : undefined;
  }

  /**
   * The kept page of `key` as published at `path` (by `publish`): its bytes, and the status of the file just before
   * they were read, so that a later look at the file's status tells whether they are still what it holds
   * (unchangedSince). Undefined if the bytes are not those recorded.
   */
  readPublished(key: string, path: string): { bytes: Uint8Array<ArrayBuffer>; seen: SeenFile } | undefined {
    const expected = this.earlier.get(key)?.digest;
    if (expected === undefined) return undefined;
    try {
      const seen = seenNow(path);
      const bytes = owned(readFileSync(path));
      return digest(bytes) === expected ? { bytes, seen } : undefined;
    } catch {
      return undefined;
    }
  }

  /** The digest of the page kept for `key`: that of the bytes `lookup` and `readPublished` give, which they check. */
  keptDigest(key: string): string | undefined {
    return this.earlier.get(key)?.digest;
  }

  /**
   * Whether the page of `key` is kept whole. A file as the last build saw it when it saved the store (inode, size,
   * mtime: a build that links it anew, or removes the output it was linked into, moves its ctime) is not read
   * again; `lookup`, which reads it to use it, checks its digest all the same.
   */
  holds(key: string): boolean {
    const kept = this.earlier.get(key);
    if (kept === undefined) return false;
    return unchangedSince(join(this.dir, key), kept.seen, { linked: true }) || this.lookup(key) !== undefined;
  }

  /** Drops the page of `key`, found changed: the next build renders it again. */
  forget(key: string): void {
    if (!KEY.test(key)) throw new Error(`not a page key: ${key}`);
    this.earlier.delete(key);
    this.kept.delete(key);
    rmSync(join(this.dir, key), { force: true });
  }

  /**
   * Puts the kept page of `key` at `path`: linked, as the store keeps it, or copied where a link cannot be made. A
   * file at `path` that is not the store's own is replaced, never written to (it may be another page's link), and
   * missing folders are made. Only for a key `holds` answered for; `readPublished` then checks what was put there.
   * Synchronous: through the thread pool, thousands of kept pages cost twice the CPU.
   */
  publish(key: string, path: string): void {
    if (!KEY.test(key)) throw new Error(`not a page key: ${key}`);
    const stored = join(this.dir, key);
    const there = lstatSync(path, { bigint: true, throwIfNoEntry: false });
    if (there) {
      // In place already: a rebuild into the previous output, which this build published it as.
      const own = statSync(stored, { bigint: true, throwIfNoEntry: false });
      if (own && own.ino === there.ino && own.dev === there.dev) return;
      rmSync(path, { force: true });
    } else mkdirSync(dirname(path), { recursive: true });
    try {
      linkSync(stored, path);
    } catch {
      copyFileSync(stored, path);
    }
  }

  /** Records that this build wrote the page of `key` to `file` (in the output folder), rendered. */
  record(key: string, file: string, bytes: Uint8Array): void {
    if (!KEY.test(key)) throw new Error(`not a page key: ${key}`);
    this.kept.set(key, { file, digest: digest(bytes), reused: false });
  }

  /** Records that this build published the kept page of `key` as `file` (in the output folder). */
  reuse(key: string, file: string): void {
    if (!KEY.test(key)) throw new Error(`not a page key: ${key}`);
    const kept = this.earlier.get(key);
    if (kept === undefined) throw new Error(`no page is kept for ${key}`);
    this.kept.set(key, { file, digest: kept.digest, reused: true });
  }

  /** How many of this build's recorded pages were reused, of how many. */
  counts(): { reused: number; total: number } {
    return { reused: [...this.kept.values()].filter((k) => k.reused).length, total: this.kept.size };
  }

  /**
   * Keeps this build's pages from the published output folder `outDir`, records their digests, and drops every
   * page no longer recorded. Pages whose file is not as rendered (the folder was changed) are not kept.
   */
  async save(outDir: string): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const pages = new Map<string, Kept>();
    for (const [key, { file, digest: d, reused }] of this.kept) {
      const stored = join(this.dir, key);
      if (!reused) {
        if (!keepAs(join(outDir, file), stored)) continue;
      } else if (!statSync(stored, { throwIfNoEntry: false })) continue;
      pages.set(key, { digest: d, seen: seenNow(stored) });
    }
    await writeCacheFile(join(this.dir, RECORD), pages);
    for (const name of readdirSync(this.dir))
      if (KEY.test(name) && !pages.has(name)) rmSync(join(this.dir, name), { force: true });
  }
}
