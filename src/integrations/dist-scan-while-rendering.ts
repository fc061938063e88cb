/**
 * The publish scan as a consumer of rendered pages (../prerender-tap/rendered-pages.ts): scans each page in the worker as it is
 * rendered, then scans the finished output folder, reusing the earlier scan of every file whose bytes on disk are
 * the bytes it scanned.
 *
 * A page published at two URLs (../prerender-tap/identical-renders.ts) reaches the scan twice with the same bytes. The second is
 * not read again when the first passed by a verdict that did not depend on the page's URL: the same bytes of the
 * same kind then pass at any URL.
 */
import { scanKind } from '../publish/dist-scan.ts';
import { scanInOrder, scanOutput, type EarlierScans, type ScanResult } from './dist-scan.ts';
import type { PageConsumer } from '../prerender-tap/rendered-pages.ts';

export default function scanWhileRendering({ shown }: { shown: string }): PageConsumer<ScanResult> {
  const earlier: EarlierScans = new Map();
  /** Kind and fingerprint of each file that passed at any URL. */
  const passed = new Set<string>();
  return {
    // The text is read only when the file is scanned: reading it decodes the bytes.
    file: (rendered) => {
      const { file, digest } = rendered;
      const kind = scanKind(file);
      if (kind === null) return;
      const key = `${kind} ${digest}`;
      if (passed.has(key)) return void earlier.set(file, { digest, problems: [] });
      const { problems, dependsOnUrl } = scanInOrder(file, rendered.text, shown);
      if (problems.length === 0 && !dependsOnUrl) passed.add(key);
      earlier.set(file, { digest, problems });
    },
    finish: async (dir) => scanOutput(dir, shown, earlier),
  };
}
