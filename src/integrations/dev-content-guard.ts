/**
 * The dev server's content guard: rechecks content on every change and decides whether a request may be served.
 * It is total: whatever a check, the corpus load, the logger or the browser channel throws becomes a
 * `check-failed` error or is swallowed, so the server never crashes and keeps refusing pages until content passes.
 * No Vite or Astro here, so that the state machine is testable with a checker that throws.
 */
import { relative } from 'node:path';
import type { Corpus } from '../corpus/corpus.ts';
import { checkFailed, formatReport, summariseWarnings, type Problem } from '../corpus/problem.ts';

export type GateUpdate = { type: 'error'; errors: Problem[]; report: string } | { type: 'reload' };

export interface GateDeps {
  /** The content folder, absolute; a check-failed error is reported at it. */
  contentDir: string;
  /** Loads and checks the content; may throw. */
  check(): { corpus: Corpus; problems: Problem[] };
  /** Hands the checked corpus to the pages and marks content as changed; `undefined` when the load failed. */
  publish(corpus: Corpus | undefined): void;
  log: { info(message: string): void; warn(message: string): void; error(message: string): void };
  /** Tells open browsers: show the report in the overlay, or reload now that content passes again. */
  notify(update: GateUpdate): void;
}

export interface ContentGate {
  /** Checks the content again; never throws. */
  recheck(): void;
  /** The errors of the last check; empty when content passes. */
  readonly errors: readonly Problem[];
  /** Whether a request for `url` must get the report instead of a page. */
  blocks(url: string): boolean;
}

// Vite's own modules (its client, which shows the overlay, and dependencies) never carry content. Everything
// else may be a page or an endpoint rendered from content (HTML, JSON, BibTeX, the feed), whatever its Accept.
const VITE_INTERNAL = /^\/(?:@|node_modules\/|__vite)/;

/** Whether a request may be answered from content (a page, an endpoint) rather than by Vite's own modules. */
export function servesContent(url: string): boolean {
  return !VITE_INTERNAL.test(url);
}

/** Runs `fn`, ignoring what it throws: reporting must never be what brings the gate down. */
function quietly(fn: () => void): void {
  try {
    fn();
  } catch {
    // Nothing sensible left to report to.
  }
}

export function createContentGate(deps: GateDeps): ContentGate {
  const where = relative(process.cwd(), deps.contentDir) || '.';
  // Fail closed until the first check has run.
  let errors: Problem[] = [checkFailed(where, 'the content check', 'it has not run yet')];
  let checked = false;
  let lastWarnings = '';

  function check(): Problem[] {
    let corpus: Corpus | undefined;
    const problems: Problem[] = [];
    try {
      const result = deps.check();
      corpus = result.corpus;
      problems.push(...result.problems);
    } catch (error) {
      problems.push(checkFailed(where, 'the content check', error));
    }
    try {
      deps.publish(corpus);
    } catch (error) {
      problems.push(checkFailed(where, 'handing the checked content to the pages', error));
    }
    return problems;
  }

  function report(problems: Problem[], wasFailing: boolean): void {
    const warnings = summariseWarnings(problems.filter((p) => p.severity === 'warning')).join('\n');
    if (errors.length) {
      const text = formatReport(problems, { warnings: 'summary' });
      quietly(() => deps.log.error(text));
      quietly(() => deps.notify({ type: 'error', errors, report: formatReport(errors) }));
    } else {
      if (warnings && warnings !== lastWarnings) quietly(() => deps.log.warn(warnings));
      if (wasFailing) {
        quietly(() => deps.log.info('content checks pass again'));
        quietly(() => deps.notify({ type: 'reload' }));
      }
    }
    lastWarnings = warnings;
  }

  return {
    recheck() {
      const wasFailing = checked && errors.length > 0;
      checked = true;
      const problems = check();
      errors = problems.filter((p) => p.severity === 'error');
      report(problems, wasFailing);
    },
    get errors() {
      return errors;
    },
    blocks(url) {
      return errors.length > 0 && servesContent(url);
    },
  };
}
