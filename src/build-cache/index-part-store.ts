/**
 * Parts of the search index kept between builds (src/integrations/search-parts.ts). A part is kept under the key of
 * everything its files were written from: the project's code, the number of parts, the part's number, whether it
 * is the primary index, and its pages in the order Pagefind was given them, each with the fingerprint of its bytes.
 * Pagefind writes the same files from the same pages in the same order, so a part published from the store is what
 * indexing those pages again would write (tests/build/rebuild-equals-clean-build.test.ts).
 *
 * The record also lists those pages, so that a build can tell, as each page renders, whether a part can still be the
 * kept one (src/integrations/parted-index.ts starts indexing it while rendering at the first page that differs).
 *
 * Files are kept as hard links to those the build wrote, with their digests. A kept part is published only if every
 * one of its files still has its digest: a file changed in place (a link shares the change), missing or unreadable
 * means the part is indexed again, never that a wrong index is published.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { outputFiles } from '../prerender-tap/output-on-disk.ts';
import { digestOf } from '../prerender-tap/rendered-pages.ts';
import { INDEX_PARTS_FILE, PART_FOLDER } from '../shared/search-config.ts';
import { readCacheFileSync, writeCacheFile } from './cache-file.ts';

/** Part id → the key it was written from and its files, in a cache file (./cache-file.ts). */
const RECORD = 'parts.v3';

/** Keys name folders: hex only, so that no key can name a path outside the store. */
const KEY = /^[0-9a-f]{64}$/;

/** A path inside a part folder, as Pagefind names its files. */
const FILE = /^(?:[A-Za-z0-9_.-]+\/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

interface KeptPart {
  key: string;
  /** The code fingerprint it was written with. */
  code: string;
  /** Path in the part folder → digest of its bytes. */
  files: [string, string][];
  /** The pages it was written from (output path → fingerprint), in the order Pagefind was given them. */
  pages: [string, string][];
}

const isPairs = (value: unknown): value is [string, string][] =>
  Array.isArray(value) &&
  value.every((f) => Array.isArray(f) && f.length === 2 && typeof f[0] === 'string' && typeof f[1] === 'string');

function isKeptPart(value: unknown): value is KeptPart {
  if (typeof value !== 'object' || value === null) return false;
  const { key, code, files, pages } = value as Partial<KeptPart>;
  return (
    typeof key === 'string' &&
    typeof code === 'string' &&
    KEY.test(key) &&
    isPairs(files) &&
    files.every((f) => FILE.test(f[0])) &&
    isPairs(pages)
  );
}

/** What a part is written from; see the module comment. `pages` are output paths with their fingerprints, in order. */
export interface PartInputs {
  code: string;
  parts: number;
  part: number;
  primary: boolean;
  pages: Iterable<readonly [string, string]>;
}

export function partKey({ code, parts, part, primary, pages }: PartInputs): string {
  const hash = createHash('sha256').update(`${code}\0${parts}\0${part}\0${primary ? 'primary' : 'merged'}\0`);
  for (const [file, digest] of pages) hash.update(`${file}\0${digest}\0`);
  return hash.digest('hex');
}

/**
 * Every file of the part in `folder`. The primary index's folder also holds the other parts' folders and their
 * manifest, which are not its own.
 */
const filesOfPart = (folder: string): string[] =>
  outputFiles(folder).filter(
    (file) => file !== INDEX_PARTS_FILE && !PART_FOLDER.test(file.slice(0, file.indexOf('/') + 1)),
  );

export class IndexPartStore {
  private readonly dir: string;
  private readonly earlier = new Map<string, KeptPart & { pageMap?: Map<string, string> }>();
  /** This build's parts, by id. */
  private readonly now = new Map<string, KeptPart>();

  /** Opens the store in `dir` (created when the build saves it). */
  constructor(dir: string) {
    this.dir = dir;
    // No store yet, or a damaged record, is an empty store: every part is indexed.
    for (const [id, value] of readCacheFileSync(join(dir, RECORD)))
      if (typeof id === 'string' && isKeptPart(value)) this.earlier.set(id, value);
  }

  /**
   * The pages (output path → fingerprint) of the part an earlier build kept as `id`, written by this code: while a
   * build's pages are these, it notes them instead of indexing them. Undefined if no part was kept for this code
   * (after a change of code, every part is indexed while rendering).
   */
  pagesOf(id: string, code: string): ReadonlyMap<string, string> | undefined {
    const kept = this.earlier.get(id);
    if (kept?.code !== code) return undefined;
    kept.pageMap ??= new Map(kept.pages);
    return kept.pageMap;
  }

  /** Whether the part kept as `id` was written from `key` (its files are checked only when it is published). */
  matches(id: string, key: string): boolean {
    return this.earlier.get(id)?.key === key;
  }

  /**
   * Puts the kept part `id` in `folder` if it was written from `key` and every file still has its digest; false,
   * and nothing put there, otherwise.
   */
  async publish(id: string, key: string, folder: string): Promise<boolean> {
    const kept = this.earlier.get(id);
    if (kept?.key !== key) return false;
    const stored = join(this.dir, key);
    for (const [file, digest] of kept.files) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(stored, file));
      } catch {
        return false;
      }
      if (digestOf(bytes) !== digest) return false;
    }
    // Synchronously: a part of 2,500 pages is 5,000 files, and a link through the thread pool costs two trips.
    const made = new Set<string>();
    for (const [file] of kept.files) {
      const target = join(folder, file);
      if (!made.has(dirname(target))) mkdirSync(dirname(target), { recursive: true });
      made.add(dirname(target));
      try {
        linkSync(join(stored, file), target);
      } catch {
        copyFileSync(join(stored, file), target);
      }
    }
    this.now.set(id, { key: kept.key, code: kept.code, files: kept.files, pages: kept.pages });
    return true;
  }

  /**
   * Puts in `folder` the files of the part last kept as `id` by this code that Pagefind names by their content
   * (`hashed`), whatever pages it was written from, each only if it still has its digest, so that Pagefind writes the
   * part over them (src/integrations/pagefind-files.ts). Returns the paths put there, relative to `folder`.
   */
  seed(id: string, code: string, folder: string, hashed: RegExp): string[] {
    const kept = this.earlier.get(id);
    if (kept?.code !== code) return [];
    const stored = join(this.dir, kept.key);
    const seeded: string[] = [];
    for (const [file, digest] of kept.files) {
      if (!hashed.test(file)) continue;
      try {
        if (digestOf(readFileSync(join(stored, file))) !== digest) continue;
        mkdirSync(dirname(join(folder, file)), { recursive: true });
        linkSync(join(stored, file), join(folder, file));
        seeded.push(file);
      } catch {
        // Not there, unreadable, or not linkable here: Pagefind writes it.
      }
    }
    return seeded;
  }

  /**
   * Keeps the part `id` that this build wrote to `folder` from `key`, which is the key of `pages`. A file that cannot
   * be linked is not kept.
   */
  keep(id: string, key: string, code: string, folder: string, pages: ReadonlyMap<string, string>): void {
    const stored = join(this.dir, key);
    rmSync(stored, { recursive: true, force: true });
    const files: [string, string][] = [];
    try {
      for (const file of filesOfPart(folder)) {
        mkdirSync(dirname(join(stored, file)), { recursive: true });
        linkSync(join(folder, file), join(stored, file));
        files.push([file, digestOf(readFileSync(join(stored, file)))]);
      }
    } catch {
      rmSync(stored, { recursive: true, force: true });
      return;
    }
    this.now.set(id, { key, code, files, pages: [...pages] });
  }

  /** Records this build's parts and drops every other kept part. */
  async save(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    await writeCacheFile(join(this.dir, RECORD), this.now);
    const keys = new Set([...this.now.values()].map((p) => p.key));
    for (const name of readdirSync(this.dir))
      if (KEY.test(name) && !keys.has(name)) rmSync(join(this.dir, name), { recursive: true, force: true });
  }
}
