/**
 * Scans everything the build is about to publish (src/lib/dist-scan.ts) and fails the build on any problem, after
 * Pagefind has written its files, so that nothing in the output folder goes unread. Runs in every build.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatOutputProblem, scanFile, scanKind, type OutputProblem } from '../lib/dist-scan.ts';

/** Thrown when the output has problems; the message is the full report. */
export class OutputScanError extends Error {
  readonly problems: OutputProblem[];
  constructor(problems: OutputProblem[]) {
    const n = problems.length;
    const report = problems.map(formatOutputProblem).join('\n');
    super(`The built site failed the publish scan:\n${report}\n${n} error${n === 1 ? '' : 's'}`);
    this.problems = problems;
    this.name = 'OutputScanError';
    // The report says where each problem is; a stack trace of the scanner would only bury it.
    this.stack = '';
  }
}

export interface ScanResult {
  /** How many files were read. */
  files: number;
  problems: OutputProblem[];
}

/**
 * Every problem in a build folder. `shownAs` is how reports name the folder (the published path, e.g. "dist",
 * even while the build is still in a staging folder).
 */
export function scanOutput(dir: string, shownAs = relative(process.cwd(), dir) || '.'): ScanResult {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .filter((f) => scanKind(f) !== null)
    .sort();
  const shown = shownAs.split(sep).join('/');
  const problems = files.flatMap((f) =>
    scanFile(f, readFileSync(join(dir, f), 'utf8'), `${shown}/${f}`).sort(
      (a, b) => a.line - b.line || a.column - b.column,
    ),
  );
  return { files: files.length, problems };
}

/** The integration; list it after every integration that writes files in astro:build:done. */
export function distScan({ shownAs }: { shownAs: string }): AstroIntegration {
  return {
    name: 'cg:dist-scan',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const { files, problems } = scanOutput(fileURLToPath(dir), relative(process.cwd(), resolve(shownAs)) || '.');
        if (problems.length) throw new OutputScanError(problems);
        logger.info(`publish scan: ${files} files read, no scripts, handlers, script URLs or other origins`);
      },
    },
  };
}
