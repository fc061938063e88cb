/**
 * The publish scan as a consumer of rendered pages (./rendered-pages.ts): scans each page in the worker as it is
 * rendered, then scans the finished output folder, reusing the earlier scan of every file whose bytes on disk are
 * the bytes it scanned.
 */
import { scanKind } from '../lib/dist-scan.ts';
import { scanInOrder, scanOutput, type EarlierScans, type ScanResult } from './dist-scan.ts';
import { textOf, type PageConsumer } from './rendered-pages.ts';

export default function scanWhileRendering({ shown }: { shown: string }): PageConsumer<ScanResult> {
  const earlier: EarlierScans = new Map();
  return {
    file: ({ file, bytes, digest }) => {
      if (scanKind(file) === null) return;
      earlier.set(file, { digest, problems: scanInOrder(file, textOf(bytes), shown) });
    },
    finish: async (dir) => scanOutput(dir, shown, earlier),
  };
}
