/**
 * A failed build leaves nothing publishable. `astro build` writes into a staging folder next to the output folder;
 * the last step of a successful build moves it into place. The previous output is moved aside (and deleted in the
 * background) when the build starts, so a content error, a page that throws, a failed scan or a failed search index
 * all leave no output folder at all (a `build; deploy` script then has nothing stale to deploy).
 *
 * Use: `const output = atomicOutput(outDir)`, then `output.prepare` first and `output.publish` last in the list of
 * integrations (hooks run in list order). Only `astro build` is affected: dev and preview use the output folder.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The staging folder for an output folder: a sibling, so that the final move is a rename on one file system. */
export function stagingDir(outDir: string): string {
  const out = resolve(outDir);
  return join(dirname(out), `.${basename(out)}.incomplete`);
}

/**
 * Moves `dir` out of the way at once (a rename) and deletes it in the background: a previous site of tens of
 * thousands of files takes seconds to delete, which the build need not wait for. Returns when it is deleted.
 */
function removeAside(dir: string): Promise<void> | undefined {
  if (!existsSync(dir)) return undefined;
  const aside = join(dirname(dir), `${ASIDE(dir)}${process.pid}-${Date.now()}`);
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

export function atomicOutput(outDir: string): { prepare: AstroIntegration; publish: AstroIntegration } {
  const out = resolve(outDir);
  const staging = stagingDir(out);
  let published = false;
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
          removals = Promise.all([...earlier, removeAside(out), removeAside(staging)]);
          // A failed deletion fails the build where it waits for it (publish), not as an unhandled rejection.
          removals.catch(() => {});
          process.once('exit', cleanUp);
          updateConfig({ outDir: pathToFileURL(`${staging}/`) });
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
