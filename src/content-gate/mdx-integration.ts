/**
 * The MDX integration with the content gate inside its compiler. One definition, used by astro.config.mjs and by
 * the build test that proves the compiler refuses hostile content on its own, without the corpus check before it.
 */
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { compiledProfiles, type CachedCompiles } from '../build-cache/compiled-profiles.ts';
import { pooledMdxRenderer } from './compile-pool.ts';
import { MDX_FEATURES } from './compiler.ts';
import { checkedFindingTitles, checkedSources } from './gate-sources.ts';
import { contentGate } from './satteri-plugin.ts';
import { refuseBeforeCompile } from './pre-compile.ts';

/**
 * `@astrojs/mdx` compiling with the features the check parses with, and the gate as its first mdast plugin.
 *
 * `optimize` has the compiler write each run of plain Markdown (paragraphs, lists, citation links: everything but a
 * component such as <Finding>) as one HTML string instead of a tree of JSX calls. The gate has judged the tree by
 * then; the pages come out byte for byte the same (diff of two builds of 1,000 profiles, and of this site), but each
 * compiled profile is smaller to bundle and quicker to render.
 *
 * Under `astro build` the same renderer runs in worker threads (./compile-pool.ts), closed when the bundle is done,
 * behind the profiles compiled by earlier builds (src/build-cache/compiled-profiles.ts); `astro dev` compiles one
 * page at a time as it is requested, in process, with the sources as they are edited.
 */
export function gatedMdx(): AstroIntegration {
  const inProcess = satteri({
    features: MDX_FEATURES,
    mdastPlugins: [contentGate({ sources: checkedSources, findings: checkedFindingTitles })],
  });
  let building = false;
  let pool: ReturnType<typeof pooledMdxRenderer> | undefined;
  let compiles: CachedCompiles | undefined;
  let cache: { root: string; file: string; logger: AstroIntegrationLogger } | undefined;
  /** Ends the workers, keeps the compiles for the next build and logs how many came from the cache. */
  const bundleEnd = async (error?: Error) => {
    await pool?.close();
    const done = compiles;
    compiles = undefined;
    if (!done || !cache) return;
    await done.finish(!error);
    const { total, cached } = done.counts();
    cache.logger.info(`profiles: ${cached} of ${total} from the cache, ${total - cached} compiled`);
  };
  const processor: typeof inProcess = {
    ...inProcess,
    async createMdxRenderer(shared, options) {
      if (!building) return inProcess.createMdxRenderer!(shared, options);
      const { srcDir, ...rest } = options;
      const setup = {
        shared,
        mdx: { ...rest, srcDir: srcDir?.href },
        features: inProcess.options.features,
        sources: checkedSources(),
        findings: checkedFindingTitles(),
      };
      try {
        pool = pooledMdxRenderer(setup);
      } catch {
        // Options a thread cannot receive (a function in them): the same renderer, in process.
        return inProcess.createMdxRenderer!(shared, options);
      }
      compiles = cache && compiledProfiles(pool, setup, cache);
      return compiles?.renderer ?? pool;
    },
  };
  const integration = mdx({ optimize: true, processor });
  const setup = integration.hooks['astro:config:setup']!;
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:config:setup': async (params) => {
        building = params.command === 'build';
        const { root, cacheDir } = params.config;
        const file = fileURLToPath(new URL('cg-compiled-profiles.v8', cacheDir));
        cache = { root: fileURLToPath(root), file, logger: params.logger };
        // Before @astrojs/mdx reads a profile's frontmatter with its own YAML reader: under `astro dev` a page can
        // be requested before the content check has seen the file saved.
        params.updateConfig({ vite: { plugins: [refuseBeforeCompile()] } });
        if (building) {
          params.updateConfig({
            vite: { plugins: [{ name: 'cg:mdx-compile-pool', buildEnd: bundleEnd }] },
          });
        }
        await setup(params);
      },
    },
  };
}
