/**
 * The worker thread of ./rendered-pages.ts: loads the registered consumers, hands each rendered file to every one
 * of them with its fingerprint, and on request runs one consumer's finish and sends back its result or error.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { inStartOrder, renderedFile, type FeedEntry, type PageConsumer } from './rendered-pages.ts';

type Message = { files: FeedEntry[] } | { finish: string; id: number; dir: string };

// Rendering is what the build waits for: this thread, and the Pagefind process it starts (which inherits it), give
// way to it. On Linux a priority set with pid 0 applies to the calling thread only.
try {
  setPriority(0, 10);
} catch {
  // Not permitted here: the work is the same, only less polite.
}

const registered = workerData as { name: string; module: string; options: unknown }[];
const consumers = new Map<string, PageConsumer<unknown>>();
for (const { name, module, options } of registered) {
  const make = ((await import(module)) as { default: (options: unknown) => PageConsumer<unknown> }).default;
  consumers.set(name, make(options));
}

/** Hands one file to every consumer. */
function deliver({ file, bytes }: FeedEntry): void {
  if (file === undefined || bytes === undefined) return;
  const rendered = renderedFile(file, bytes);
  for (const consumer of consumers.values()) consumer.file(rendered);
}

const ordered = inStartOrder(deliver);

parentPort!.on('message', (message: Message) => {
  if ('finish' in message) {
    ordered.drain();
    const { finish, id, dir } = message;
    Promise.resolve()
      .then(() => consumers.get(finish)!.finish(dir))
      .then(
        (result) => parentPort!.postMessage({ id, result }),
        (error: unknown) =>
          parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
      );
    return;
  }
  let read = 0;
  for (const entry of message.files) {
    ordered.arrive(entry);
    read += entry.bytes?.byteLength ?? 0;
  }
  parentPort!.postMessage({ read });
});
