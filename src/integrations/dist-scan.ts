/**
 * Scans everything the build is about to publish (src/publish/dist-scan.ts) and fails the build on any problem, after
 * Pagefind has written its files, so that nothing in the output folder goes unread. Runs in every build.
 *
 * Pages are scanned in a worker thread as Astro renders them (../prerender-tap/rendered-pages.ts), on the core rendering leaves
 * idle. At the end every file in the output folder is read from disk and fingerprinted (once for the scan and the
 * search index: ../prerender-tap/output-on-disk.ts): a file scanned while rendering counts only if its bytes on disk
 * are the bytes that were scanned; anything else (redirect pages, Pagefind's files, a file changed or added after
 * rendering) is scanned from disk then.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  formatOutputProblem,
  scanFileVerdict,
  scanKind,
  type OutputProblem,
  type ScanVerdict,
} from '../publish/dist-scan.ts';
import { renderedFile, type renderedPages } from '../prerender-tap/rendered-pages.ts';
import { outputFiles, unchangedSince, type SeenFile } from '../prerender-tap/output-on-disk.ts';
import { codeFingerprint } from '../build-cache/code-fingerprint.ts';

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
  /** How many of them had already been scanned, byte for byte, while the build rendered them. */
  scannedEarlier: number;
  /** How many of those an earlier build of the same code had passed, byte for byte. */
  passedBefore?: number;
  problems: OutputProblem[];
}

/** The problems of one file, as reports show them (`shown` is the folder's published name), in reading order. */
export function scanInOrder(file: string, text: string, shown: string): ScanVerdict {
  const verdict = scanFileVerdict(file, text, `${shown}/${file}`);
  verdict.problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return verdict;
}

/** A file scanned before it reached the disk: its fingerprint and what the scan found in it. */
export type EarlierScans = Map<string, { digest: string; problems: OutputProblem[] }>;

/**
 * A file of the output folder read before the scan finished, while Pagefind was still at work: when it was seen,
 * what the scan found in it, and whether those were the bytes scanned while rendering.
 */
export type ReadBefore = Map<string, { seen: SeenFile; problems: OutputProblem[]; scannedEarlier: boolean }>;

/**
 * The problems of one file of the output folder, read from disk: those found while rendering if its bytes are the
 * bytes scanned then (`before`), else those found in it now.
 */
export function scanOnDisk(
  found: { file: string; digest: string; readonly text: string },
  shown: string,
  before: { digest: string; problems: OutputProblem[] } | undefined,
): { problems: OutputProblem[]; scannedEarlier: boolean } {
  if (before && before.digest === found.digest) return { problems: before.problems, scannedEarlier: true };
  return { problems: scanInOrder(found.file, found.text, shown).problems, scannedEarlier: false };
}

/**
 * Every problem in a build folder. `shownAs` is how reports name the folder (the published path, e.g. "dist",
 * even while the build is still in a staging folder). A file whose bytes match an entry of `earlier` is not parsed
 * again; a file in `readBefore` that has not been written since it was read is not read again; every other file is.
 */
export function scanOutput(
  dir: string,
  shownAs = relative(process.cwd(), dir) || '.',
  earlier: EarlierScans = new Map(),
  readBefore: ReadBefore = new Map(),
): ScanResult {
  const files = outputFiles(dir).filter((f) => scanKind(f) !== null);
  const shown = shownAs.split(sep).join('/');
  let scannedEarlier = 0;
  const problems = files.flatMap((f) => {
    const path = join(dir, f);
    const read = readBefore.get(f);
    const verdict =
      read && unchangedSince(path, read.seen)
        ? read
        : scanOnDisk(renderedFile(f, readFileSync(path)), shown, earlier.get(f));
    if (verdict.scannedEarlier) scannedEarlier++;
    return verdict.problems;
  });
  return { files: files.length, scannedEarlier, problems };
}

/** The integration; list it after every integration that writes files in astro:build:done. */
export function distScan({
  shownAs,
  pages,
}: {
  shownAs: string;
  pages?: ReturnType<typeof renderedPages>;
}): AstroIntegration {
  const shown = () => relative(process.cwd(), resolve(shownAs)) || '.';
  // Filled in when the build is set up, before the worker that reads them starts.
  const options = { shown: shown(), passes: '', code: '' };
  pages?.use('dist-scan', new URL('./dist-scan-while-rendering.ts', import.meta.url), options);
  return {
    name: 'cg:dist-scan',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        options.passes = fileURLToPath(new URL('cg-scan-passes.v8', config.cacheDir));
        options.code = codeFingerprint(fileURLToPath(config.root));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { files, scannedEarlier, passedBefore, problems } = pages
          ? await pages.finish<ScanResult>('dist-scan', root)
          : scanOutput(root, shown());
        if (problems.length) throw new OutputScanError(problems);
        logger.info(
          `publish scan: ${files} files read (${scannedEarlier} while rendering${passedBefore ? `, ${passedBefore} of them as passed by an earlier build` : ''}), no scripts, handlers, script URLs or other origins`,
        );
      },
    },
  };
}
