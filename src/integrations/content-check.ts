/**
 * Runs the content checks inside Astro: `astro build` stops before rendering when any error is found, and
 * `astro dev` answers every page with the report, and shows it in the error overlay, until the files are fixed
 * (./dev-content-check.ts).
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../checks/index.ts';
import { codeFingerprint } from '../build-cache/code-fingerprint.ts';
import { profileParses, type ProfileParses } from '../build-cache/profile-parses.ts';
import type { Corpus, ProfileParseCache } from '../corpus/corpus.ts';
import { contentDir } from '../corpus/content-dir.ts';
import { prepareReferencesWith } from '../citing/csl.ts';
import { checkFailed, formatReport, summariseWarnings, type Problem } from '../corpus/problem.ts';
import { publishCheckedCorpus } from '../site/site-data.ts';
import { guardDevServer } from './dev-content-check.ts';
import { formatReferencesAside } from './format-references.ts';

/**
 * Loads and checks `dir`, with the profile parses of earlier builds if given; a load or check that throws is
 * reported as a check-failed error, never a stack trace.
 */
export function checkContentTotally(
  dir: string,
  parses?: ProfileParseCache,
): { corpus: Corpus | undefined; problems: Problem[] } {
  try {
    return checkContent(dir, process.cwd(), parses);
  } catch (error) {
    const where = relative(process.cwd(), dir) || '.';
    return { corpus: undefined, problems: [checkFailed(where, 'the content check', error)] };
  }
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

/**
 * The integration: checks once per build, and again on every content change in dev. `ready` settles when what the
 * check set going for the pages is done (the references formatted, the parses kept): the first page waits for it
 * (src/prerender-tap/rendered-pages.ts), not the bundler, which needs neither and works meanwhile.
 */
export function contentCheck(): AstroIntegration & { ready(): Promise<void> } {
  /** Formatted references of earlier builds, in Astro's cache folder. */
  let referenceCache = '';
  /** The build's references, formatted while Astro bundles; the first page waits for them (`ready`). */
  let referencesReady: Promise<void> = Promise.resolve();
  /** Profile parses of earlier builds, in Astro's cache folder; written for the next build while this one goes on. */
  let parses: ProfileParses | undefined;
  return {
    name: 'cg:content-check',
    ready: async () => {
      await Promise.all([referencesReady, parses?.written()]);
    },
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        referenceCache = fileURLToPath(new URL('cg-references.json', config.cacheDir));
        if (command !== 'build') return;
        const parsesFile = fileURLToPath(new URL('cg-profile-parses.v8', config.cacheDir));
        parses = profileParses(parsesFile, codeFingerprint(fileURLToPath(config.root)));
        const { corpus, problems } = checkContentTotally(contentDir(), parses);
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
        const { total, cached } = parses.counts();
        logger.info(`content checks passed (profile parses: ${cached} of ${total} from the cache)`);
      },
      'astro:server:setup': ({ server, logger }) => guardDevServer(server, contentDir(), logger, referenceCache),
    },
  };
}
