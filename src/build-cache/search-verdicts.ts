/**
 * Whether each page is one the search index takes (isSearchable in src/integrations/searchable-pages.ts), as
 * earlier builds judged it: by the code that judged (the code fingerprint), the page's output path and the SHA-256
 * of its bytes, all the verdict depends on. A rebuild then judges the pages it kept without decoding them: in a
 * search index in parts, a kept page of a kept part is not read at all. Anything unreadable in the record means
 * "judge everything".
 */
import { readCacheFileSync, writeCacheFile } from './cache-file.ts';
import { cacheKey } from './cache-key.ts';

export class SearchVerdicts {
  private readonly earlier: Map<unknown, unknown>;
  private readonly now = new Map<string, boolean>();
  private readonly file: string;
  private readonly code: string;

  /** Reads the verdicts kept in `file` by code `code`. */
  constructor(file: string, code: string) {
    this.file = file;
    this.code = code;
    this.earlier = readCacheFileSync(file);
  }

  /** Whether the page at output path `file` with fingerprint `digest` is searchable; `judge` says, if no build did. */
  searchable(file: string, digest: string, judge: () => boolean): boolean {
    const key = cacheKey(this.code, file, digest);
    const before = this.now.get(key) ?? this.earlier.get(key);
    const verdict = typeof before === 'boolean' ? before : judge();
    this.now.set(key, verdict);
    return verdict;
  }

  /** Keeps this build's verdicts, and only those, for the next build. */
  async save(): Promise<void> {
    await writeCacheFile(this.file, this.now);
  }
}
