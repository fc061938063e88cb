/**
 * Reference formatting on another thread. Starting citation-js takes about a second; the build starts it in a
 * worker while Astro syncs content and waits for the texts only before the first page renders.
 */
import { Worker } from 'node:worker_threads';
import type { CslItem } from '../citing/csl.ts';

/** The texts of `items`, in order, formatted in a worker thread. */
export function formatReferencesAside(items: CslItem[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./format-references-worker.ts', import.meta.url), { workerData: items });
    worker.once('message', (texts: string[]) => resolve(texts));
    worker.once('error', reject);
    // After the message this changes nothing; without one, the worker stopped without answering.
    worker.once('exit', (code) => reject(new Error(`reference formatting stopped (exit code ${code})`)));
  });
}
