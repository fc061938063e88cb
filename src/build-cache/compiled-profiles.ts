/**
 * Compiled profiles kept from one build to the next. A compile (code, source map, Astro's metadata) is a function of
 * the code (codeFingerprint), the renderer's setup (Markdown and MDX options, features, the checked sources and
 * finding titles the gate judges with) and the file (path, content, frontmatter); the key hashes all of them, so an
 * edit to one profile's text recompiles that profile, and a changed source, finding title or line of code recompiles
 * every one. Only compiles that succeeded are kept: a refused profile reaches the compiler again, and is refused again.
 */
import type { MdxRenderer } from '@astrojs/internal-helpers/markdown';
import type { PoolSetup } from '../content-gate/compile-pool.ts';
import { readCacheFile, writeCacheFile } from './cache-file.ts';
import { cacheKey } from './cache-key.ts';
import { canonical, NotKeyable } from './canonical.ts';
import { codeFingerprint } from './code-fingerprint.ts';

export type Compiled = Awaited<ReturnType<MdxRenderer['process']>>;

/** What every compile of a build shares: the code and the renderer's setup. Throws NotKeyable for a function in it. */
export function setupKey(code: string, setup: PoolSetup): string {
  return cacheKey(code, canonical(setup));
}

/** The key of one compile under a setup key. Throws NotKeyable for a frontmatter that is not plain data. */
export function compileKey(setup: string, filePath: string, content: string, frontmatter: unknown): string {
  return cacheKey(setup, filePath, content, canonical(frontmatter));
}

/** A stored value that can stand for a compile. */
export function isCompiled(value: unknown): value is Compiled {
  if (typeof value !== 'object' || value === null) return false;
  const { code, map, astroMetadata } = value as Record<string, unknown>;
  return (
    typeof code === 'string' &&
    (map === undefined || map === null || typeof map === 'string') &&
    typeof astroMetadata === 'object' &&
    astroMetadata !== null
  );
}

export interface CachedCompiles {
  renderer: MdxRenderer;
  /** Compiles asked for so far, and how many of them came from the cache. */
  counts(): { total: number; cached: number };
  /**
   * Writes the cache for the next build: after a bundle that succeeded, exactly the compiles this build used, so that
   * the file holds one build's profiles rather than every version of them; after one that failed, the stored
   * compiles and the new ones, so that the build after the fix compiles only what the failed one did not.
   */
  finish(bundled: boolean): Promise<void>;
}

/**
 * A compile as handed to the bundler: Astro's plugins may change a module's metadata later in the build (its head
 * plugin marks propagation), and the cache must keep what the compiler made. The strings cannot change.
 */
const handedOut = (compiled: Compiled): Compiled => ({
  ...compiled,
  astroMetadata: structuredClone(compiled.astroMetadata),
});

/** `compiler` behind the cache file `file`; `setup` is the setupKey of the compiler's setup. */
export function cachedCompiles(compiler: MdxRenderer, file: string, setup: string): CachedCompiles {
  const stored = readCacheFile(file);
  const used = new Map<string, Compiled>();
  let total = 0;
  let cached = 0;
  return {
    renderer: {
      async process(content, filePath, frontmatter) {
        total++;
        let key: string;
        try {
          key = compileKey(setup, filePath, content, frontmatter);
        } catch (error) {
          if (error instanceof NotKeyable) return compiler.process(content, filePath, frontmatter);
          throw error;
        }
        const hit = (await stored).get(key);
        if (isCompiled(hit)) {
          cached++;
          used.set(key, hit);
          return handedOut(hit);
        }
        const compiled = await compiler.process(content, filePath, frontmatter);
        used.set(key, compiled);
        return handedOut(compiled);
      },
    },
    counts: () => ({ total, cached }),
    async finish(bundled) {
      if (used.size === 0) return;
      await writeCacheFile(file, bundled ? used : new Map([...(await stored), ...used]));
    },
  };
}

/**
 * `compiler`, with the setup it was made with, behind the cache file `file` for the project at `root`; undefined
 * when the setup cannot be keyed (the build then compiles every profile, as without a cache).
 */
export function compiledProfiles(
  compiler: MdxRenderer,
  setup: PoolSetup,
  { root, file }: { root: string; file: string },
): CachedCompiles | undefined {
  let key: string;
  try {
    key = setupKey(codeFingerprint(root), setup);
  } catch (error) {
    if (error instanceof NotKeyable) return undefined;
    throw error;
  }
  return cachedCompiles(compiler, file, key);
}
