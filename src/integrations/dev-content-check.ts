/**
 * The content check under `astro dev`: content is checked again on every change, and while it has errors every page
 * and endpoint answers with the report (status 500), including a page that was already rendering when the error
 * was saved. The state machine is ./dev-content-guard.ts; this is its wiring into Vite.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sep } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { Connect, ViteDevServer } from 'vite';
import { checkContent } from '../checks/index.ts';
import { prepareReferences } from '../citing/csl.ts';
import { formatReport, type Problem } from '../corpus/problem.ts';
import { publishCheckedCorpus } from '../site/site-data.ts';
import { createContentGate, servesContent, type ContentGate } from './dev-content-guard.ts';
import { holdResponse } from './held-response.ts';

/** How long the watcher's events must pause before content is checked again. */
const SETTLE_MS = 60;
/** How often a request to a refusing dev server may trigger a check of its own. */
const RECHECK_MS = 500;

/** The error shape Vite's overlay understands: the report, and the file and position of the first error. */
function overlayError(errors: readonly Problem[], report: string) {
  const first = errors[0];
  const loc = { file: first.file, line: first.line, column: first.column };
  const err = Object.assign(new Error(report), { id: first.file, loc, plugin: 'cg:content-check' });
  // Where in the checker the error was made says nothing about the content; the report says where to look.
  err.stack = '';
  return err;
}

/** The refusal a request gets while content has errors: Vite's error page with the report. */
const refusal = (gate: ContentGate) => overlayError(gate.errors, formatReport([...gate.errors]));

/** Tells the server-side renderers that content changed (they drop their routes' pages) and browsers to reload. */
function contentChanged(server: ViteDevServer): void {
  for (const environment of Object.values(server.environments))
    if (environment.name !== 'client') environment.hot.send('astro:content-changed', {});
  server.environments.client.hot.send({ type: 'full-reload' });
}

/** The gate over `dir`, handing each checked corpus to the pages and each verdict to open browsers. */
function devGate(server: ViteDevServer, dir: string, logger: AstroIntegrationLogger, referenceCache: string) {
  let published = false;
  return createContentGate({
    contentDir: dir,
    check: () => checkContent(dir),
    publish: (corpus) => {
      if (corpus) prepareReferences(corpus, referenceCache);
      publishCheckedCorpus(corpus);
      // Pages are made from the checked corpus (profile bodies too, src/content-gate/profile-bodies.ts), not from
      // modules Vite watches. For every new one, the server forgets the pages each route had (a profile added or
      // removed changes them: Astro's own signal for content that changed) and open browsers reload.
      if (corpus && published) contentChanged(server);
      if (corpus) published = true;
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
}

/** Vite's own error page, the one `next(error)` reaches; found when needed, as Vite adds it after the plugins' hooks. */
function viteErrorPage(server: ViteDevServer): Connect.ErrorHandleFunction | undefined {
  const layer = server.middlewares.stack.find(
    (l) => typeof l.handle === 'function' && l.handle.name === 'viteErrorMiddleware',
  );
  return layer?.handle as Connect.ErrorHandleFunction | undefined;
}

/** Answers `req` with Vite's error page for `error`, or with the bare report should that page not be found. */
function answerWith(server: ViteDevServer, error: Error, req: IncomingMessage, res: ServerResponse): void {
  viteErrorPage(server)?.(error, req, res, () => {});
  if (res.writableEnded) return;
  res.statusCode = 500;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.end(error.message);
}

/** Checks the content in `dir` now and on every change, and answers requests with the report while it has errors. */
export function guardDevServer(
  server: ViteDevServer,
  dir: string,
  logger: AstroIntegrationLogger,
  referenceCache: string,
): void {
  const gate = devGate(server, dir, logger, referenceCache);
  // An editor's save can arrive as several events (truncate, write, rename): check once they have settled.
  let settle: ReturnType<typeof setTimeout> | undefined;
  let checkedAt = 0;
  /** How many checks have run, so that a response can tell whether content was checked after it was admitted. */
  let checks = 0;
  const recheck = () => {
    clearTimeout(settle);
    settle = undefined;
    checkedAt = Date.now();
    checks++;
    gate.recheck();
  };
  // A request does not wait out the settling: content the watcher has reported changed is checked before answering.
  const catchUp = () => {
    if (settle) recheck();
  };
  server.watcher.add(dir);
  server.watcher.on('all', (_event, path) => {
    if (path !== dir && !path.startsWith(dir + sep)) return;
    clearTimeout(settle);
    settle = setTimeout(recheck, SETTLE_MS);
  });
  // While content is broken, or could not be checked, every page and endpoint answers with the report. A request
  // while broken also checks again (at most every RECHECK_MS), so a save the watcher missed cannot leave the server
  // refusing pages after the file is fixed. A page admitted while content passed is held until it is complete and
  // judged again then: content saved while it rendered, whatever the page made of it, gets the report too.
  server.middlewares.use((req, res, next) => {
    const url = req.url ?? '/';
    catchUp();
    if (gate.blocks(url) && Date.now() - checkedAt > RECHECK_MS) recheck();
    if (gate.blocks(url)) return next(refusal(gate));
    if (!servesContent(url)) return next();
    const admitted = checks;
    const verdict = (status: number) => {
      catchUp();
      // A page that failed may have read a file saved since the last check, before the watcher reported it.
      if (status >= 500 && checks === admitted) recheck();
      return gate.blocks(url) ? refusal(gate) : undefined;
    };
    holdResponse(res, verdict, (error) => answerWith(server, error, req, res));
    next();
  });
  recheck();
}
