/**
 * The publish scan's worker thread (see ./dist-scan.ts): scans each rendered file as it arrives, then, asked to
 * finish, scans the output folder on disk, reusing the earlier scan of every file whose bytes did not change.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scanFile } from '../lib/dist-scan.ts';
import { scanOutput, type EarlierScans } from './dist-scan.ts';
import { digestOf } from './rendered-pages.ts';

const { shown } = workerData as { shown: string };
const earlier: EarlierScans = new Map();

parentPort!.on('message', (message: { file: string; bytes: Uint8Array } | { finish: string }) => {
  if ('finish' in message) {
    parentPort!.postMessage(scanOutput(message.finish, shown, earlier));
    return;
  }
  const { file, bytes } = message;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const problems = scanFile(file, text, `${shown}/${file}`).sort((a, b) => a.line - b.line || a.column - b.column);
  earlier.set(file, { digest: digestOf(bytes), problems });
});
