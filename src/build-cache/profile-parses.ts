/**
 * Profile parses kept from one build to the next, for the content check's load of the corpus: the MDX scan, the
 * frontmatter's data and the file's own problems, keyed by the code (codeFingerprint), the file's path and its
 * text. At 1,000 profiles the load takes 1.5 to 1.6 s of CPU when it parses every profile, 0.2 to 0.3 s when it
 * reads them from this cache (one file of 8.6 MB); the check decides the same either way.
 */
import type { ProfileParse, ProfileParseCache } from '../corpus/corpus.ts';
import { readCacheFileSync, writeCacheFile } from './cache-file.ts';
import { cacheKey } from './cache-key.ts';

/** A stored value that can stand for a parse (the file holds only what this module wrote, or is discarded). */
function isParse(value: unknown): value is ProfileParse {
  if (typeof value !== 'object' || value === null) return false;
  const { scan, data, problems } = value as Record<string, unknown>;
  return typeof scan === 'object' && scan !== null && typeof data === 'object' && Array.isArray(problems);
}

export interface ProfileParses extends ProfileParseCache {
  /** Parses the load used, and how many of them came from the cache. */
  counts(): { total: number; cached: number };
  /** Resolves when the parses of the load are written for the next build (at once if nothing changed). */
  written(): Promise<void>;
}

/** The cache in `file` for the code `code` (codeFingerprint). */
export function profileParses(file: string, code: string): ProfileParses {
  const stored = readCacheFileSync(file);
  const used = new Map<string, ProfileParse>();
  let cached = 0;
  let writing = Promise.resolve();
  // `get` and then `keep` are asked about the same file: its text is hashed once.
  let last: { full: string; shown: string; text: string; key: string } | undefined;
  const key = (full: string, shown: string, text: string) => {
    if (last?.full !== full || last.shown !== shown || last.text !== text) {
      last = { full, shown, text, key: cacheKey(code, full, shown, text) };
    }
    return last.key;
  };
  return {
    get(full, shown, text) {
      const hit = stored.get(key(full, shown, text));
      if (!isParse(hit)) return undefined;
      cached++;
      return hit;
    },
    keep(full, shown, text, parse) {
      used.set(key(full, shown, text), parse);
    },
    loaded() {
      if (used.size === stored.size && [...used.keys()].every((k) => stored.has(k))) return;
      // Serialized now, before the checks read the corpus: the file keeps the parses as they were made.
      writing = writeCacheFile(file, used);
    },
    counts: () => ({ total: used.size, cached }),
    written: () => writing,
  };
}
