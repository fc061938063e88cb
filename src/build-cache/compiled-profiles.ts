/**
 * Compiled profile bodies kept from one build to the next. A body is a function of the code (codeFingerprint), the
 * compiler's setup (Markdown settings, the checked sources and finding titles the gate judges with) and the file
 * (path and text); the key hashes all of them, so an edit to one profile's text recompiles that profile, and a changed
 * source, finding title or line of code recompiles every one. Only compiles that succeeded are kept: a refused profile
 * reaches the compiler again, and is refused again.
 */
import type { CompileBody } from '../content-gate/compile-pool.ts';
import { isProfileBody, type BodySetup, type ProfileBody } from '../content-gate/profile-body.ts';
import { readCacheFile, writeCacheFile } from './cache-file.ts';
import { cacheKey } from './cache-key.ts';
import { canonical, NotKeyable } from './canonical.ts';
import { codeFingerprint } from './code-fingerprint.ts';

/** What every compile of a build shares: the code and the compiler's setup. Throws NotKeyable for a function in it. */
export function setupKey(code: string, setup: BodySetup): string {
  return cacheKey(code, canonical(setup));
}

/** The key of one compile under a setup key. */
export function compileKey(setup: string, filePath: string, text: string): string {
  return cacheKey(setup, filePath, text);
}

export interface CachedCompiles {
  compile: CompileBody;
  /** Compiles asked for so far, and how many of them came from the cache. */
  counts(): { total: number; cached: number };
  /**
   * Writes the cache for the next build: when every profile compiled, exactly the compiles this build used, so that
   * the file holds one build's profiles rather than every version of them; when one was refused, the stored compiles
   * and the new ones, so that the build after the fix compiles only what this one did not.
   */
  finish(complete: boolean): Promise<void>;
}

/** `compile` behind the cache file `file`; `setup` is the setupKey of the compiler's setup. */
export function cachedCompiles(compile: CompileBody, file: string, setup: string): CachedCompiles {
  const stored = readCacheFile(file);
  const used = new Map<string, ProfileBody>();
  let total = 0;
  let cached = 0;
  return {
    async compile(text, filePath) {
      total++;
      const key = compileKey(setup, filePath, text);
      const hit = (await stored).get(key);
      if (isProfileBody(hit)) {
        cached++;
        used.set(key, hit);
        return hit;
      }
      const body = await compile(text, filePath);
      used.set(key, body);
      return body;
    },
    counts: () => ({ total, cached }),
    async finish(complete) {
      if (used.size === 0) return;
      await writeCacheFile(file, complete ? used : new Map([...(await stored), ...used]));
    },
  };
}

/**
 * `compile`, with the setup it was made with, behind the cache file `file` for the project at `root`; undefined
 * when the setup cannot be keyed (the build then compiles every profile, as without a cache).
 */
export function compiledProfiles(
  compile: CompileBody,
  setup: BodySetup,
  { root, file }: { root: string; file: string },
): CachedCompiles | undefined {
  let key: string;
  try {
    key = setupKey(codeFingerprint(root), setup);
  } catch (error) {
    if (error instanceof NotKeyable) return undefined;
    throw error;
  }
  return cachedCompiles(compile, file, key);
}
