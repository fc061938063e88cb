/**
 * The profile compiler as an Astro integration: profiles compile to bodies (./profile-body.ts) that pages render,
 * with the content gate inside the compiler. One definition, used by astro.config.mjs and by the build test that
 * proves the compiler refuses hostile content on its own, without the corpus check before it.
 *
 * Under `astro build`, every profile of the checked corpus is handed to worker threads (./compile-pool.ts) as soon as
 * the content check has passed, behind the bodies compiled by earlier builds (src/build-cache/compiled-profiles.ts),
 * and compiles while Astro syncs and bundles; the bundle ends once every profile has compiled (rendering while
 * compiling was measured: no faster, and a refused profile would fail the build only after other pages rendered).
 * `astro dev` compiles a profile when a page asks for it, in process, with the sources as they are when asked, and
 * keeps it while the content is unchanged.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiledProfiles, type CachedCompiles } from '../build-cache/compiled-profiles.ts';
import type { Corpus } from '../corpus/corpus.ts';
import { getCorpus } from '../site/site-data.ts';
import { provideBodies, type BodyProvider, type BodyRequest } from './body-registry.ts';
import { pooledCompiler, type CompileBody } from './compile-pool.ts';
import { checkedFindingTitles, checkedSources } from './gate-sources.ts';
import { bodyCompiler, type BodyMarkdown, type BodySetup, type ProfileBody } from './profile-body.ts';

/** The cache file of compiled bodies in Astro's cache folder. */
export const COMPILED_PROFILES_FILE = 'cg-compiled-profiles.v9';

/**
 * Every profile of the corpus handed to `compile` now, in the corpus's order. `refusals` resolves, once every compile
 * has ended, to the errors of those that failed.
 */
function compileAll(
  profiles: readonly BodyRequest[],
  root: string,
  compile: CompileBody,
): BodyProvider & { refusals: Promise<unknown[]> } {
  const run = (p: BodyRequest) => compile(p.text, resolve(root, p.file));
  const bodies = new Map<string, { text: string; body: Promise<ProfileBody> }>();
  for (const p of profiles) {
    const body = run(p);
    // A refusal fails the page that asks for the profile; until then it must not end the process.
    body.catch(() => {});
    bodies.set(p.id, { text: p.text, body });
  }
  const refusals = Promise.allSettled([...bodies.values()].map((b) => b.body)).then((all) =>
    all.flatMap((r) => (r.status === 'rejected' ? [r.reason] : [])),
  );
  return {
    body: (p) => {
      const kept = bodies.get(p.id);
      return kept?.text === p.text ? kept.body : run(p);
    },
    refusals,
  };
}

/** One error for every refused profile: each refusal's report, located at the first. */
function refusedProfiles(refusals: unknown[]): Error {
  const [first] = refusals as { line?: number; column?: number }[];
  const message = refusals.map((r) => (r instanceof Error ? r.message : String(r))).join('\n');
  return Object.assign(new Error(message), { name: 'ContentGateError', line: first?.line, column: first?.column });
}

/** Bodies compiled when asked, with the sources of the corpus the content check last published. */
function compileWhenAsked(markdown: BodyMarkdown, root: string): BodyProvider {
  const setup: BodySetup = {
    markdown,
    get sources() {
      return checkedSources();
    },
    get findings() {
      return checkedFindingTitles();
    },
  };
  const compile = bodyCompiler(setup);
  // Per checked corpus: a change to any content file publishes a new one, and a body depends on the sources.
  const compiled = new WeakMap<Corpus, Map<string, { text: string; body: Promise<ProfileBody> }>>();
  return {
    body(p) {
      const corpus = getCorpus();
      let kept = compiled.get(corpus);
      if (!kept) compiled.set(corpus, (kept = new Map()));
      const hit = kept.get(p.id);
      if (hit?.text === p.text) return hit.body;
      const body = compile(p.text, resolve(root, p.file));
      kept.set(p.id, { text: p.text, body });
      return body;
    },
  };
}

export function profileBodies(): AstroIntegration {
  let building = false;
  let markdown: BodyMarkdown = {};
  let root = '';
  let cacheFile = '';
  let logger: AstroIntegrationLogger | undefined;
  let pool: ReturnType<typeof pooledCompiler> | undefined;
  let cache: CachedCompiles | undefined;
  /** The errors of refused profiles, once every profile has compiled. */
  let refusals: Promise<unknown[]> | undefined;
  /** The cache written once every profile has compiled: a build that fails later still keeps its compiles. */
  let kept: Promise<void> | undefined;
  return {
    name: 'cg:profile-bodies',
    hooks: {
      'astro:config:setup': ({ command, config, logger: log, updateConfig }) => {
        building = command === 'build';
        // The bundle ends only once every profile has compiled, and fails if one was refused: no page is rendered
        // from content the compiler refused, and the error names every refused file, not the first page to ask.
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'cg:profiles-compiled',
                apply: 'build',
                async buildEnd(error?: Error) {
                  const refused = error ? [] : await refusals;
                  if (refused?.length) throw refusedProfiles(refused);
                },
              },
            ],
          },
        });
        markdown = { syntaxHighlight: config.markdown.syntaxHighlight, shikiConfig: config.markdown.shikiConfig };
        root = fileURLToPath(config.root);
        cacheFile = fileURLToPath(new URL(COMPILED_PROFILES_FILE, config.cacheDir));
        logger = log;
      },
      // After astro:config:setup, where the content check publishes the corpus it passed.
      'astro:config:done': () => {
        if (!building) return provideBodies(compileWhenAsked(markdown, root));
        const setup: BodySetup = { markdown, sources: checkedSources(), findings: checkedFindingTitles() };
        let compile: CompileBody;
        try {
          pool = pooledCompiler(setup);
          compile = pool.compile;
        } catch {
          // Settings a thread cannot receive (a function in them): the same compiler, in process.
          compile = bodyCompiler(setup);
        }
        cache = compiledProfiles(compile, setup, { root, file: cacheFile });
        const all = compileAll(getCorpus().profiles, root, cache?.compile ?? compile);
        provideBodies(all);
        refusals = all.refusals;
        // Every body is compiled before the first page renders: the compile threads end then. Ended only after
        // rendering, they held their memory through it (the build's peak at 1,000 profiles rose 0.3 GB with them).
        all.refusals.finally(() => pool?.close()).catch(() => {});
        const done = cache;
        // A cache that cannot be written costs the next build time, not this one its output.
        kept = done && all.refusals.then((refused) => done.finish(refused.length === 0)).catch(() => {});
      },
      'astro:build:done': async () => {
        await pool?.close();
        provideBodies(undefined);
        await kept;
        if (!cache) return;
        const { total, cached } = cache.counts();
        logger?.info(`profiles: ${cached} of ${total} from the cache, ${total - cached} compiled`);
      },
    },
  };
}
