/**
 * A worker thread of ./compile-pool.ts: the build's own profile-body compiler (./profile-body.ts: the same options,
 * the content gate as its first mdast plugin, judging with the sources it was given), compiling what it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CompileReply, CompileRequest } from './compile-pool.ts';
import { bodyCompiler, type BodySetup } from './profile-body.ts';

const compileBody = bodyCompiler(workerData as BodySetup);

/** What the main thread needs of an error to report it as the compiler's own: its message and location. */
function described(error: unknown): Extract<CompileReply, { error: unknown }>['error'] {
  if (!(error instanceof Error)) return { message: String(error) };
  const { line, column } = error as { line?: unknown; column?: unknown };
  return {
    name: error.name,
    message: error.message,
    line: typeof line === 'number' ? line : undefined,
    column: typeof column === 'number' ? column : undefined,
  };
}

/** Compiles one request and answers it; every request gets an answer, or the build would wait for it forever. */
async function compile({ id, text, filePath }: CompileRequest): Promise<void> {
  try {
    parentPort!.postMessage({ id, body: await compileBody(text, filePath) } satisfies CompileReply);
  } catch (error) {
    parentPort!.postMessage({ id, error: described(error) } satisfies CompileReply);
  }
}

// One at a time, in the order sent: compiles started together would all finish together at the end, holding every
// tree meanwhile, instead of each reaching the page that waits for it when done.
let queue = Promise.resolve();
parentPort!.on('message', (request: CompileRequest) => {
  queue = queue.then(() => compile(request));
});
