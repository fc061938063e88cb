/**
 * A worker thread of ./compile-pool.ts: builds the same Sätteri MDX renderer as the build's own (same options, the
 * content gate as its first mdast plugin, judging with the sources it was given) and compiles what it is sent.
 */
import { satteri } from '@astrojs/markdown-satteri';
import { parentPort, workerData } from 'node:worker_threads';
import type { CompileReply, CompileRequest, PoolSetup } from './compile-pool.ts';
import { contentGate } from './satteri-plugin.ts';

const { shared, mdx, features, sources } = workerData as PoolSetup;
const processor = satteri({ features, mdastPlugins: [contentGate({ sources: () => sources })] });
const renderer = await processor.createMdxRenderer!(shared, {
  ...mdx,
  srcDir: mdx.srcDir === undefined ? undefined : new URL(mdx.srcDir),
});

/** Compiles one request and answers it. */
async function compile({ id, content, filePath, frontmatter }: CompileRequest): Promise<void> {
  try {
    const { code, map, astroMetadata } = await renderer.process(content, filePath, frontmatter);
    parentPort!.postMessage({ id, code, map, astroMetadata } satisfies CompileReply);
  } catch (error) {
    const { name, message, line, column } = error as Error & { line?: number; column?: number };
    parentPort!.postMessage({ id, error: { name, message: message ?? String(error), line, column } });
  }
}

// One at a time, in the order sent: the bundler is handed every profile at once, and compiles started together
// would all finish together at the end, holding every tree meanwhile, instead of each reaching the bundler when done.
let queue = Promise.resolve();
parentPort!.on('message', (request: CompileRequest) => {
  queue = queue.then(() => compile(request));
});
