/**
 * A worker thread of ./compile-pool.ts: builds the same Sätteri MDX renderer as the build's own (same options, the
 * content gate as its first mdast plugin, judging with the sources it was given) and compiles what it is sent.
 */
import { satteri } from '@astrojs/markdown-satteri';
import { parentPort, workerData } from 'node:worker_threads';
import type { CompileReply, CompileRequest, PoolSetup } from './compile-pool.ts';
import { contentGate } from './satteri-plugin.ts';

const { shared, mdx, features, sources, findings } = workerData as PoolSetup;
const processor = satteri({
  features,
  mdastPlugins: [contentGate({ sources: () => sources, findings: () => findings ?? new Map() })],
});
const renderer = await processor.createMdxRenderer!(shared, {
  ...mdx,
  srcDir: mdx.srcDir === undefined ? undefined : new URL(mdx.srcDir),
});

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
async function compile({ id, content, filePath, frontmatter }: CompileRequest): Promise<void> {
  try {
    const { code, map, astroMetadata } = await renderer.process(content, filePath, frontmatter);
    parentPort!.postMessage({ id, code, map, astroMetadata } satisfies CompileReply);
  } catch (error) {
    parentPort!.postMessage({ id, error: described(error) } satisfies CompileReply);
  }
}

// One at a time, in the order sent: the bundler is handed every profile at once, and compiles started together
// would all finish together at the end, holding every tree meanwhile, instead of each reaching the bundler when done.
let queue = Promise.resolve();
parentPort!.on('message', (request: CompileRequest) => {
  queue = queue.then(() => compile(request));
});
