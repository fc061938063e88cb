/**
 * Files the publish scan passed in earlier builds, by what the verdict was made from: the scanner's code (the code
 * fingerprint), the kind of file and the SHA-256 of its bytes. Only passes that did not depend on the file's URL
 * are kept: the same bytes of the same kind then pass at any URL, in any build of the same code. A rebuild scans
 * only the files whose bytes are new to it. Anything unreadable in the record means "scan everything".
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const FORMAT = 1;

/** The key a pass is kept under. */
export function passKey(code: string, kind: string, digest: string): string {
  return createHash('sha256').update(`${code}\0${kind}\0${digest}`).digest('base64');
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
    if (!file) return;
    try {
      const record = JSON.parse(readFileSync(file, 'utf8')) as { format?: number; passes?: unknown };
      if (record.format === FORMAT && Array.isArray(record.passes))
        for (const key of record.passes) if (typeof key === 'string') this.earlier.add(key);
    } catch {
      // No record yet, or an unreadable one: every file is scanned.
    }
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
  save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}`;
    writeFileSync(temp, JSON.stringify({ format: FORMAT, passes: [...this.now] }));
    renameSync(temp, this.file);
  }
}
