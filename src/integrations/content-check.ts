/**
 * Runs the content checks inside Astro: `astro build` stops before rendering when any error is found, and
 * `astro dev` shows the report in the error overlay, clearing it once the files are fixed.
 */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { ViteDevServer } from 'vite';
import { checkContent } from '../checks/index.ts';
import type { Corpus } from '../corpus/corpus.ts';
import { contentDir } from '../corpus/content-dir.ts';
import { prepareReferences, prepareReferencesWith } from '../citing/csl.ts';
import { checkFailed, formatReport, summariseWarnings, type Problem } from '../corpus/problem.ts';
import { publishCheckedCorpus } from '../site/site-data.ts';
import { createContentGate } from './dev-content-guard.ts';
import { formatReferencesAside } from './format-references.ts';

/** Loads and checks `dir`; a load or check that throws is reported as a check-failed error, never a stack trace. */

/** How long the watcher's events must pause before content is checked again. */
const SETTLE_MS = 60;
/** How often a request to a refusing dev server may trigger a check of its own. */
const RECHECK_MS = 500;
export function checkContentTotally(dir: string): { corpus: Corpus | undefined; problems: Problem[] } {
  try {
    return checkContent(dir);
  } catch (error) {
    const where = relative(process.cwd(), dir) || '.';
    return { corpus: undefined, problems: [checkFailed(where, 'the content check', error)] };
  }
}

/** The error shape Vite's overlay understands: the report, and the file and position of the first error. */
function overlayError(errors: readonly Problem[], report: string) {
  const first = errors[0];
  const loc = { file: first.file, line: first.line, column: first.column };
  const err = Object.assign(new Error(report), { id: first.file, loc, plugin: 'cg:content-check' });
  // Where in the checker the error was made says nothing about the content; the report says where to look.
  err.stack = '';
  return err;
}

/**
 * Stops the build with the report alone. Thrown from a hook, the error would be printed by Astro with "an
 * unhandled error occurred", a stack trace, a location inside this file and, for a report that mentions
 * "document" or "window", a hint about browser APIs; so the report is printed here and the process ends.
 */
function stopBuild(problems: Problem[]): never {
  const report = formatReport(problems, { warnings: 'summary' });
  process.stderr.write(`${report}\ncontent checks failed: nothing was built\n`);
  process.exit(1);
}

/** Everything the sources say: compiled profiles depend on it (their citations' labels), on nothing else of the corpus. */
const sourcesFingerprint = (c: Corpus) => JSON.stringify([...c.sources].map(([id, e]) => [id, e.data]));

/**
 * Compiled profiles hold their citations' labels, made from the sources when they were compiled (src/content-gate):
 * after a change to a source, every compiled profile is dropped and the server-side module runner starts afresh,
 * so the next request compiles the profile it shows with the sources as they now are. An edit to a profile alone
 * is left to Vite's own update of that file.
 */
function recompileProfiles(server: ViteDevServer): void {
  for (const environment of Object.values(server.environments)) {
    const profiles = [...environment.moduleGraph.idToModuleMap.values()].filter((m) => m.file?.endsWith('.mdx'));
    for (const module of profiles) environment.moduleGraph.invalidateModule(module);
    if (profiles.length && environment.name !== 'client') environment.hot.send({ type: 'full-reload' });
  }
}

/** The integration: checks once per build, and again on every content change in dev. */
export function contentCheck(): AstroIntegration {
  /** Formatted references of earlier builds, in Astro's cache folder. */
  let referenceCache = '';
  /** The build's references, formatted while Astro syncs content; pages wait for them (astro:build:start). */
  let referencesReady: Promise<void> = Promise.resolve();
  return {
    name: 'cg:content-check',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        referenceCache = fileURLToPath(new URL('cg-references.json', config.cacheDir));
        if (command !== 'build') return;
        const { corpus, problems } = checkContentTotally(contentDir());
        if (problems.some((p) => p.severity === 'error')) stopBuild(problems);
        publishCheckedCorpus(corpus);
        if (corpus) {
          // Formatted once per build, not per page, from the cache of earlier builds where the sources are unchanged.
          referencesReady = prepareReferencesWith(corpus, referenceCache, formatReferencesAside).then(
            ({ formatted, total }) =>
              logger.info(`references: ${total - formatted} of ${total} from the cache, ${formatted} formatted`),
          );
          // A failure is reported where the build waits for the references, not as an unhandled rejection.
          referencesReady.catch(() => {});
        }
        const warnings = summariseWarnings(problems.filter((p) => p.severity === 'warning'));
        if (warnings.length) logger.warn(warnings.join('\n'));
        logger.info('content checks passed');
      },
      'astro:build:start': async () => {
        await referencesReady;
      },
      'astro:server:setup': ({ server, logger }) => {
        const dir = contentDir();
        /** The sources the profiles compiled so far were compiled with. */
        let compiledWith: string | undefined;
        const gate = createContentGate({
          contentDir: dir,
          check: () => checkContent(dir),
          publish: (corpus) => {
            if (corpus) prepareReferences(corpus, referenceCache);
            publishCheckedCorpus(corpus);
            // Compared with the last sources that compiled: a source edited while content was broken counts too.
            const sources = corpus && sourcesFingerprint(corpus);
            if (sources && compiledWith !== undefined && sources !== compiledWith) recompileProfiles(server);
            if (sources) compiledWith = sources;
          },
          log: logger,
          notify: (update) => {
            const hot = server.environments.client.hot;
            if (update.type === 'reload') hot.send({ type: 'full-reload' });
            else {
              const { message, id, loc, plugin } = overlayError(update.errors, update.report);
              hot.send({ type: 'error', err: { message, stack: '', id, loc, plugin } });
            }
          },
        });
        // An editor's save can arrive as several events (truncate, write, rename): check once they have settled.
        let settle: ReturnType<typeof setTimeout> | undefined;
        let checkedAt = 0;
        const recheck = () => {
          checkedAt = Date.now();
          gate.recheck();
        };
        server.watcher.add(dir);
        server.watcher.on('all', (_event, path) => {
          if (path !== dir && !path.startsWith(dir + sep)) return;
          clearTimeout(settle);
          settle = setTimeout(recheck, SETTLE_MS);
        });
        // While content is broken, or could not be checked, every page and endpoint answers with the report. A
        // request while broken also checks again (at most every RECHECK_MS), so a save the watcher missed cannot
        // leave the server refusing pages after the file is fixed.
        server.middlewares.use((req, _res, next) => {
          if (gate.blocks(req.url ?? '/') && Date.now() - checkedAt > RECHECK_MS) recheck();
          if (gate.blocks(req.url ?? '/')) next(overlayError(gate.errors, formatReport([...gate.errors])));
          else next();
        });
        recheck();
      },
    },
  };
}
