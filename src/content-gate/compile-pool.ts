/**
 * Profile bodies compiled in worker threads during `astro build` (./profile-body.ts). The build hands every profile
 * to the pool as soon as the content check has passed, and the workers compile while Astro syncs, bundles and starts
 * rendering; a page waits only for its own profile. Each worker has the same compiler with the content gate inside
 * it, judging with the sources the content check published. What comes back is what the compiler made; an error comes
 * back with its message and location, and fails the build as it would on the main thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BodySetup, ProfileBody } from './profile-body.ts';

/** One compile: a profile's whole text and its path. */
export type CompileRequest = { id: number; text: string; filePath: string };
export type CompileReply = { id: number } & (
  { body: ProfileBody } | { error: { name?: string; message: string; line?: number; column?: number } }
);

/** What compiles a profile body: in worker threads (pooledCompiler) or in process (bodyCompiler). */
export type CompileBody = (text: string, filePath: string) => Promise<ProfileBody>;

/** One worker per core: while they compile, the main thread bundles and renders what is ready. */
export const POOL_SIZE = Math.max(1, availableParallelism());

/** The error the compiler threw in a worker, with its location. */
function compileError({
  name,
  message,
  line,
  column,
}: NonNullable<Extract<CompileReply, { error: unknown }>['error']>) {
  return Object.assign(new Error(message), { name: name ?? 'Error', line, column });
}

/**
 * A compiler that runs in up to `size` worker threads; `close` ends them (the next compile would fail). Throws if the
 * setup cannot be sent to a thread (a function in the Markdown settings, say): the caller then compiles in process.
 */
export function pooledCompiler(setup: BodySetup, size = POOL_SIZE): { compile: CompileBody; close(): Promise<void> } {
  structuredClone(setup);
  /** Every compile sent and not yet answered. */
  const pending = new Map<number, PromiseWithResolvers<ProfileBody>>();
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
      else job.resolve(reply.body);
    });
    worker.on('error', (error) => fail(worker, error));
    worker.on('exit', (code) => fail(worker, new Error(`a profile compile worker stopped (exit code ${code})`)));
    // An idle pool must not keep a finished build's process alive.
    worker.unref();
    return [worker, jobs];
  };

  return {
    compile(text, filePath) {
      if (failure) return Promise.reject(failure);
      // The least busy worker: compile times differ with a profile's length. Workers start as compiles come while
      // every started one is busy: a rebuild whose profiles come from the cache starts none, or one for one edit.
      let free = [...load].sort((a, b) => a[1].size - b[1].size)[0];
      if ((!free || free[1].size > 0) && started < size) free = spawn();
      if (!free) return Promise.reject(new Error('the profile compile workers have stopped'));
      const id = nextId++;
      const compiled = Promise.withResolvers<ProfileBody>();
      pending.set(id, compiled);
      free[1].add(id);
      free[0].postMessage({ id, text, filePath } satisfies CompileRequest);
      return compiled.promise;
    },
    async close() {
      failure ??= new Error('the profile compile workers were closed');
      // Compiles already sent are answered first: a page may still be waiting for one.
      await Promise.allSettled([...pending.values()].map((job) => job.promise));
      const workers = [...load.keys()];
      load.clear();
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
