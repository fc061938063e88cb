/**
 * A failed build leaves nothing publishable. `astro build` writes into a staging folder next to the output folder;
 * the last step of a successful build moves it into place. The previous output becomes the staging folder when the
 * build starts, so a content error, a page that throws, a failed scan or a failed search index all leave no output
 * folder at all (a `build; deploy` script then has nothing stale to deploy).
 *
 * Why the previous output is built into rather than deleted: a rebuild publishes most pages as they were (the page
 * store keeps them as links to the published files, src/build-cache/page-store.ts), and a page already in place
 * needs no folder, no link and no deletion. At 1,000 profiles making the folders again took 0.8 s of the rendering
 * thread in a rebuild of 8 s (7.4 s without), and deleting the old tree took CPU on the other core besides.
 * Whatever this build did not write is removed before anything reads the folder (removeStale): what is published is
 * only this build's output. Folders a build writes whole (the search index: its files are links into a store of
 * their own, which Pagefind would write through) are moved aside at the start instead.
 *
 * Use: `const output = atomicOutput(outDir, { rewritten, kept })`, then `output.prepare` first and `output.publish`
 * last in the list of integrations (hooks run in list order). Only `astro build` is affected: dev and preview use the
 * output folder.
 */
import type { AstroIntegration } from 'astro';
import {
  existsSync,
  lstatSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The staging folder for an output folder: a sibling, so that the final move is a rename on one file system. */
export function stagingDir(outDir: string): string {
  const out = resolve(outDir);
  return join(dirname(out), `.${basename(out)}.incomplete`);
}

let asides = 0;

/**
 * Moves `dir` out of the way at once (a rename, next to `besides`: outside the folder being built) and deletes it in
 * the background: a previous site of tens of thousands of files takes seconds to delete, which the build need not
 * wait for. Returns when it is deleted.
 */
function removeAside(dir: string, besides = dir): Promise<void> | undefined {
  if (!existsSync(dir)) return undefined;
  const aside = join(dirname(besides), `${ASIDE(besides)}${process.pid}-${Date.now()}-${asides++}`);
  renameSync(dir, aside);
  const removal = deleteOnItsOwnThread(aside);
  process.once('exit', () => rmSync(aside, { recursive: true, force: true }));
  return removal;
}

/**
 * Deletes `path` on a thread of its own. Node's asynchronous `rm` does each unlink and stat through the thread pool
 * that every other file operation of the build waits in; at 10,000 profiles a previous output of 27,000 files kept
 * the build's own reads queued behind it for seconds.
 */
function deleteOnItsOwnThread(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(
      "require('node:fs').rmSync(require('node:worker_threads').workerData, { recursive: true, force: true })",
      { eval: true, workerData: path },
    );
    worker.unref();
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`deleting ${path} stopped (exit code ${code})`)),
    );
  });
}

/** The name a folder being deleted has; a build that was killed may have left one behind. */
const ASIDE = (dir: string) => `.${basename(dir)}.removing-`;

/** Folders that killed builds left being deleted next to `dir`, deleted in the background too. */
function leftBehind(dir: string): Promise<void>[] {
  const parent = dirname(dir);
  if (!existsSync(parent)) return [];
  return readdirSync(parent)
    .filter((name) => name.startsWith(ASIDE(dir)))
    .map((name) => deleteOnItsOwnThread(join(parent, name)));
}

/**
 * The file system's clock now, as a file's ctime shows it: every file created, written, linked or renamed from now
 * on has a ctime at least this. Read off a file made for it next to `besides`, so that no clock of this process is
 * compared with the file system's.
 */
export function fileSystemNow(besides: string): bigint {
  const marker = join(dirname(besides), `${ASIDE(besides)}clock-${process.pid}`);
  writeFileSync(marker, '');
  try {
    return statSync(marker, { bigint: true }).ctimeNs;
  } finally {
    rmSync(marker, { force: true });
  }
}

/**
 * Removes from `dir` every file this build did not write: whose status last changed before `since` (fileSystemNow at
 * the start), unless its output path is in `kept` (published as it was, so untouched). Folders left empty by it go
 * too. Returns how many files were removed.
 */
export function removeStale(dir: string, since: bigint, kept: ReadonlySet<string>): number {
  let removed = 0;
  /** Clears the folder `rel` of stale files; whether it is now empty because of it. */
  const clear = (rel: string): boolean => {
    const entries = readdirSync(join(dir, rel), { withFileTypes: true });
    let left = entries.length;
    for (const entry of entries) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      const full = join(dir, path);
      if (entry.isDirectory()) {
        if (clear(path)) {
          rmdirSync(full);
          left--;
        }
      } else if (!kept.has(path) && lstatSync(full, { bigint: true }).ctimeNs < since) {
        unlinkSync(full);
        removed++;
        left--;
      }
    }
    return left === 0 && entries.length > 0;
  };
  clear('');
  return removed;
}

/**
 * `rewritten`: folders of the output (relative paths) a build writes whole, moved aside when it starts. `kept`, asked
 * once the pages are written: the output paths of the pages this build published from an earlier one, untouched.
 */
export function atomicOutput(
  outDir: string,
  { rewritten = [], kept = () => new Set() }: { rewritten?: string[]; kept?: () => ReadonlySet<string> } = {},
): { prepare: AstroIntegration; publish: AstroIntegration } {
  const out = resolve(outDir);
  const staging = stagingDir(out);
  let published = false;
  /** When the build started, if it builds into the previous output. */
  let since: bigint | undefined;
  let removals: Promise<unknown> = Promise.resolve();
  // Astro exits on an error without an integration hook for it, so the staging folder is removed on the way out.
  const cleanUp = () => {
    if (!published) rmSync(staging, { recursive: true, force: true });
  };
  return {
    prepare: {
      name: 'cg:atomic-output:prepare',
      hooks: {
        'astro:config:setup': ({ command, updateConfig }) => {
          if (command !== 'build') return;
          // Listed before this build moves its own folders aside, so that each is deleted once.
          const earlier = [...leftBehind(out), ...leftBehind(staging)];
          const removing = [...earlier, removeAside(staging)];
          // Only a published output is built into: a staging folder is what a build that did not finish left.
          if (statSync(out, { throwIfNoEntry: false })?.isDirectory()) {
            since = fileSystemNow(out);
            renameSync(out, staging);
            for (const folder of rewritten) removing.push(removeAside(join(staging, folder), out));
          } else removing.push(removeAside(out));
          removals = Promise.all(removing);
          // A failed deletion fails the build where it waits for it (publish), not as an unhandled rejection.
          removals.catch(() => {});
          process.once('exit', cleanUp);
          // Astro would empty the folder it builds into; Vite's own builds into it leave it as it is already.
          updateConfig({ outDir: pathToFileURL(`${staging}/`), vite: { build: { emptyOutDir: false } } });
        },
        // First of every integration's: nothing reads the folder before the previous output's leftovers are gone.
        'astro:build:done': ({ logger }) => {
          if (since === undefined) return;
          const removed = removeStale(staging, since, kept());
          if (removed) logger.info(`${removed} files of the previous output that this build did not write removed`);
        },
      },
    },
    publish: {
      name: 'cg:atomic-output:publish',
      hooks: {
        'astro:build:done': async ({ logger }) => {
          if (!existsSync(staging)) throw new Error(`the build wrote nothing into ${staging}`);
          await removals;
          rmSync(out, { recursive: true, force: true });
          renameSync(staging, out);
          published = true;
          logger.info(`published to ${out}`);
        },
      },
    },
  };
}
