/**
 * MDX compiled in worker threads during `astro build`. The bundler hands every profile to `@astrojs/mdx` at once,
 * which compiles them one after another on the thread that also runs the bundler's own JavaScript and holds its
 * whole module graph; at 10,000 profiles the bundling took 95 to 118 s that way and 60 s with two workers (both with
 * 22 to 26% of the CPU taken by other guests of this machine). Each worker (./compile-worker.ts) has the same Sätteri
 * renderer with the content gate inside it, judging with the sources the content check published. What comes back is
 * what the compiler made; an error comes back with its message and location, and fails the build as it did on the
 * main thread.
 */
import type { AstroMarkdownOptions, MdxRenderer, MdxRendererOptions } from '@astrojs/internal-helpers/markdown';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Source } from '../schemas/content.ts';

/** What each worker starts from: the renderer's options (srcDir as a string: a URL cannot be sent) and the sources. */
export interface PoolSetup {
  shared: AstroMarkdownOptions;
  mdx: Omit<MdxRendererOptions, 'srcDir'> & { srcDir?: string };
  features: object;
  sources: Map<string, Source>;
  /** Finding titles by `country/month/profile#id`, for cross-references. */
  findings?: Map<string, string>;
}

export type CompileRequest = { id: number; content: string; filePath: string; frontmatter: Record<string, unknown> };
export type CompileReply = { id: number } & (
  | Awaited<ReturnType<MdxRenderer['process']>>
  | { error: { name?: string; message: string; line?: number; column?: number } }
);

type Compiled = Awaited<ReturnType<MdxRenderer['process']>>;

/** One worker per core: while they compile, the main thread mostly waits for them and the bundler. */
export const POOL_SIZE = Math.max(1, availableParallelism());

/** The error the compiler threw in a worker, with the location `@astrojs/mdx` reports. */
function compileError({
  name,
  message,
  line,
  column,
}: NonNullable<Extract<CompileReply, { error: unknown }>['error']>) {
  return Object.assign(new Error(message), { name: name ?? 'Error', line, column });
}

/**
 * A renderer whose `process` runs in up to `size` worker threads; `close` ends them (the next `process` would fail).
 * Throws if the options cannot be sent to a thread (a function in them, say): the caller then compiles in process.
 */
export function pooledMdxRenderer(setup: PoolSetup, size = POOL_SIZE): MdxRenderer & { close(): Promise<void> } {
  structuredClone(setup);
  /** Every compile sent and not yet answered. */
  const pending = new Map<number, PromiseWithResolvers<Compiled>>();
  const load = new Map<Worker, Set<number>>();
  let nextId = 0;
  let failure: Error | undefined;

  const fail = (worker: Worker, error: Error) => {
    failure ??= error;
    for (const id of load.get(worker) ?? []) {
      pending.get(id)?.reject(error);
      pending.delete(id);
    }
    load.delete(worker);
  };
  let started = 0;
  const spawn = (): [Worker, Set<number>] => {
    const worker = new Worker(new URL('./compile-worker.ts', import.meta.url), { workerData: setup });
    const jobs = new Set<number>();
    load.set(worker, jobs);
    started++;
    worker.on('message', (reply: CompileReply) => {
      const job = pending.get(reply.id);
      pending.delete(reply.id);
      load.get(worker)?.delete(reply.id);
      if (!job) return;
      if ('error' in reply) job.reject(compileError(reply.error));
      else job.resolve({ code: reply.code, map: reply.map, astroMetadata: reply.astroMetadata });
    });
    worker.on('error', (error) => fail(worker, error));
    worker.on('exit', (code) => fail(worker, new Error(`an MDX compile worker stopped (exit code ${code})`)));
    // An idle pool must not keep a finished build's process alive.
    worker.unref();
    return [worker, jobs];
  };

  return {
    process(content, filePath, frontmatter) {
      if (failure) return Promise.reject(failure);
      // The least busy worker: compile times differ with a profile's length. Workers start as compiles come while
      // every started one is busy: a rebuild whose profiles come from the cache starts none, or one for one edit.
      let free = [...load].sort((a, b) => a[1].size - b[1].size)[0];
      if ((!free || free[1].size > 0) && started < size) free = spawn();
      if (!free) return Promise.reject(new Error('the MDX compile workers have stopped'));
      const id = nextId++;
      const compiled = Promise.withResolvers<Compiled>();
      pending.set(id, compiled);
      free[1].add(id);
      free[0].postMessage({ id, content, filePath, frontmatter } satisfies CompileRequest);
      return compiled.promise;
    },
    async close() {
      failure ??= new Error('the MDX compile workers were closed');
      // Compiles already sent are answered first: the bundle that asked for them may still be waiting.
      await Promise.allSettled([...pending.values()].map((job) => job.promise));
      const workers = [...load.keys()];
      load.clear();
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
