/**
 * The publish scan as a consumer of rendered pages (./rendered-pages.ts): scans each page in the worker as it is
 * rendered, then scans the finished output folder, reusing the earlier scan of every file whose bytes on disk are
 * the bytes it scanned.
 */
import { scanFile, scanKind } from '../lib/dist-scan.ts';
import { scanOutput, type EarlierScans, type ScanResult } from './dist-scan.ts';
import type { PageConsumer } from './rendered-pages.ts';

export default function scanWhileRendering({ shown }: { shown: string }): PageConsumer<ScanResult> {
  const earlier: EarlierScans = new Map();
  return {
    file: ({ file, bytes, digest }) => {
      if (scanKind(file) === null) return;
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
      const problems = scanFile(file, text, `${shown}/${file}`).sort((a, b) => a.line - b.line || a.column - b.column);
      earlier.set(file, { digest, problems });
    },
    finish: async (dir) => scanOutput(dir, shown, earlier),
  };
}
