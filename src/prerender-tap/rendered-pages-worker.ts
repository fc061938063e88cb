/**
 * The worker thread of ./rendered-pages.ts: loads the registered consumers, hands each rendered file to every one
 * of them with its fingerprint, and on request runs one consumer's finish and sends back its result or error. When
 * the first consumer finishes, the output folder is read once for all of them (./output-on-disk.ts).
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { readOutput } from './output-on-disk.ts';
import type { PublishedPage, RankEnds } from './kept-pages.ts';
import { inStartOrder, renderedFile, type FeedEntry, type PageConsumer, type RenderedFile } from './rendered-pages.ts';

type Message = { files: FeedEntry[] } | { ranks: RankEnds } | { finish: string; id: number; dir: string };

const registered = workerData as { name: string; module: string; options: unknown }[];
const consumers = new Map<string, PageConsumer<unknown>>();
for (const { name, module, options } of registered) {
  const make = ((await import(module)) as { default: (options: unknown) => PageConsumer<unknown> }).default;
  consumers.set(name, make(options));
}

// Rendering is what the build waits for: this thread gives way to it. On Linux a priority set with pid 0 applies to
// the calling thread only, and a process started from it inherits it: Pagefind, which the search index starts at the
// first page, gives way too. Started at the normal priority instead, it made a full build at 1,000 profiles 0.5 s
// slower (it took CPU from rendering) and a rebuild no faster.
try {
  setPriority(0, 10);
} catch {
  // Not permitted here: the work is the same, only less polite.
}

/** A render number and its file, made into what consumers hear when it arrives. */
type Arrived = { seq: number; rendered?: RenderedFile; kept?: PublishedPage };

/** Where each rank ends in render order, those not yet announced; and the last render number handed on. */
let ends: RankEnds = [];
let handedOn = -1;

/** Tells consumers of each rank whose every file has been handed on. */
function announceRanks(): void {
  while (ends.length && ends[0].last <= handedOn) {
    const { rank } = ends.shift()!;
    for (const consumer of consumers.values()) consumer.rankHeard?.(rank);
  }
}

/** Hands one file to every consumer, in its turn. */
function deliver({ seq, rendered, kept }: Arrived): void {
  if (rendered !== undefined) {
    if (kept) published.set(rendered.file, kept);
    for (const consumer of consumers.values()) consumer.file(rendered);
  }
  handedOn = seq;
  announceRanks();
}

const ordered = inStartOrder(deliver);

/** Makes what consumers hear of an entry, and lets them see a rendered file ahead of its turn. */
function arrive({ seq, file, bytes, kept }: FeedEntry): void {
  if (file === undefined || bytes === undefined) return ordered.arrive({ seq });
  const rendered = renderedFile(file, bytes, kept?.digest, kept !== undefined);
  if (!kept) for (const consumer of consumers.values()) consumer.ahead?.(rendered);
  ordered.arrive({ seq, rendered, kept });
}

/** Kept pages as they were read from the output folder while rendering: not read again if unchanged since. */
const published = new Map<string, PublishedPage>();

/** The output folder read for every consumer, from the first finish on. */
let read: Promise<void> | undefined;

function readOnce(dir: string): Promise<void> {
  const readers = [...consumers.values()].filter((c) => c.wants && c.onDisk);
  read ??= readOutput(
    dir,
    (file) => readers.some((c) => c.wants!(file)),
    (found) => {
      for (const c of readers) if (c.wants!(found.file)) c.onDisk!(found);
    },
    published,
  );
  return read;
}

function finish({ finish, id, dir }: { finish: string; id: number; dir: string }): void {
  ordered.drain();
  const disk = readOnce(dir);
  Promise.resolve()
    .then(() => consumers.get(finish)!.finish(dir, disk))
    .then(
      (result) => parentPort!.postMessage({ id, result }),
      (error: unknown) =>
        parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
    );
}

/**
 * Messages are handled in order, one file per turn of the event loop. This thread writes Pagefind's input, which
 * goes down a pipe that holds less than one page: while a batch of files is handled in one go, Pagefind waits for
 * its next page; between two files, what it has been sent is passed on.
 */
const queue: Message[] = [];
let handling = false;

async function handleQueue(): Promise<void> {
  handling = true;
  for (let message = queue.shift(); message; message = queue.shift()) {
    if ('finish' in message) {
      finish(message);
      continue;
    }
    if ('ranks' in message) {
      ends = message.ranks;
      announceRanks();
      continue;
    }
    let bytes = 0;
    for (const entry of message.files) {
      arrive(entry);
      bytes += entry.bytes?.byteLength ?? 0;
      await new Promise((next) => setImmediate(next));
    }
    parentPort!.postMessage({ read: bytes });
  }
  handling = false;
}

parentPort!.on('message', (message: Message) => {
  queue.push(message);
  if (!handling) void handleQueue();
});
