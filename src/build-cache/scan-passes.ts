/**
 * Files the publish scan passed in earlier builds, by what the verdict was made from: the scanner's code (the code
 * fingerprint), the kind of file and the SHA-256 of its bytes. Only passes that did not depend on the file's URL
 * are kept: the same bytes of the same kind then pass at any URL, in any build of the same code. A rebuild scans
 * only the files whose bytes are new to it. Anything unreadable in the record means "scan everything".
 */
import { readCacheFileSync, writeCacheFile } from './cache-file.ts';
import { cacheKey } from './cache-key.ts';

/** The key a pass is kept under. */
export function passKey(code: string, kind: string, digest: string): string {
  return cacheKey(code, kind, digest);
}

export class ScanPasses {
  private readonly earlier = new Set<string>();
  private readonly now = new Set<string>();
  /** How many files an earlier build had passed. */
  reused = 0;

  private readonly file: string;

  /** Reads the passes kept in `file` ('' keeps none, as under `astro dev`). */
  constructor(file: string) {
    this.file = file;
    // No record yet, or a damaged one, is an empty one: every file is scanned.
    if (file) for (const [key, passed] of readCacheFileSync(file)) if (passed === true) this.earlier.add(key);
  }

  /** Whether an earlier build or this one passed `key`; a pass is kept for the next build either way. */
  passed(key: string): boolean {
    if (this.now.has(key)) return true;
    if (!this.earlier.has(key)) return false;
    this.now.add(key);
    this.reused++;
    return true;
  }

  add(key: string): void {
    this.now.add(key);
  }

  /** Keeps this build's passes, and only those, for the next build. */
  async save(): Promise<void> {
    if (this.file) await writeCacheFile(this.file, new Map([...this.now].map((key) => [key, true])));
  }
}
