/**
 * Runs the content checks inside Astro: `astro build` stops before rendering when any error is found, and
 * `astro dev` shows the report in the error overlay, clearing it once the files are fixed.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { checkContent } from '../checks/index.ts';
import { contentDir } from '../lib/content-dir.ts';
import { formatReport, type Problem } from '../lib/problem.ts';
import { bumpContentVersion, shareCheckedCorpus } from '../lib/site-data.ts';

/** Thrown when content has errors; the message is the full linter-style report. */
export class ContentCheckError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`Content checks failed:\n${formatReport(problems)}`);
    this.name = 'ContentCheckError';
  }
}

/** The error shape Vite's overlay understands: message, file and position of the first problem. */
function overlayError(errors: Problem[]): ContentCheckError & { id: string; loc: { file: string; line: number; column: number }; plugin: string } {
  const first = errors[0];
  return Object.assign(new ContentCheckError(errors), { id: first.file, loc: { file: first.file, line: first.line, column: first.column }, plugin: 'cg:content-check', stack: '' });
}

function run(logger: AstroIntegrationLogger): Problem[] {
  const { corpus, problems } = checkContent(contentDir());
  shareCheckedCorpus(corpus);
  const warnings = problems.filter((p) => p.severity === 'warning');
  if (warnings.length) logger.warn(formatReport(warnings));
  return problems.filter((p) => p.severity === 'error');
}

/** The integration: checks once per build, and again on every content change in dev. */
export function contentCheck(): AstroIntegration {
  return {
    name: 'cg:content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const errors = run(logger);
        if (errors.length) throw new ContentCheckError(errors);
        logger.info('content checks passed');
      },
      'astro:server:setup': ({ server, logger }) => {
        const dir = contentDir();
        let errors: Problem[] = [];
        const recheck = () => {
          const wasFailing = errors.length > 0;
          errors = run(logger);
          bumpContentVersion();
          if (errors.length) {
            const err = overlayError(errors);
            logger.error(err.message);
            server.environments.client.hot.send({ type: 'error', err: { message: err.message, stack: '', id: err.id, loc: err.loc, plugin: err.plugin } });
          } else if (wasFailing) {
            logger.info('content checks pass again');
            server.environments.client.hot.send({ type: 'full-reload' });
          }
        };
        server.watcher.add(dir);
        server.watcher.on('all', (_event, path) => { if (path.startsWith(dir)) recheck(); });
        // While content is broken, every page shows the report instead of rendering from content that failed.
        server.middlewares.use((req, _res, next) => {
          if (errors.length && req.headers.accept?.includes('text/html')) next(overlayError(errors));
          else next();
        });
        recheck();
      },
    },
  };
}
