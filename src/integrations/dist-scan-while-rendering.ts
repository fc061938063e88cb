/**
 * The publish scan as a consumer of rendered pages (../prerender-tap/rendered-pages.ts): scans each page in the worker as it is
 * rendered, then scans the finished output folder, reusing the earlier scan of every file whose bytes on disk are
 * the bytes it scanned. The folder is read once rendering is over, while Pagefind indexes and writes; at the end
 * only what was written since (Pagefind's files, or any file changed in the meantime) is read.
 *
 * A page published at two URLs (../prerender-tap/identical-renders.ts) reaches the scan twice with the same bytes. The second is
 * not read again when the first passed by a verdict that did not depend on the page's URL: the same bytes of the
 * same kind then pass at any URL. For the same reason, bytes an earlier build of the same code passed are not read
 * again (../build-cache/scan-passes.ts): a rebuild reads only the pages that changed.
 */
import { scanKind } from '../publish/dist-scan.ts';
import {
  scanInOrder,
  scanOnDisk,
  scanOutput,
  type EarlierScans,
  type ReadBefore,
  type ScanResult,
} from './dist-scan.ts';
import type { PageConsumer } from '../prerender-tap/rendered-pages.ts';
import { passKey, ScanPasses } from '../build-cache/scan-passes.ts';

/** `passes`: where passes are kept between builds, and `code`, the code fingerprint they were made with. */
export default function scanWhileRendering({
  shown,
  passes: keptIn = '',
  code = '',
}: {
  shown: string;
  passes?: string;
  code?: string;
}): PageConsumer<ScanResult> {
  const earlier: EarlierScans = new Map();
  const readBefore: ReadBefore = new Map();
  /** Files that passed at any URL, in this build or an earlier one. */
  const passed = new ScanPasses(keptIn);
  return {
    // The text is read only when the file is scanned: reading it decodes the bytes.
    file: (rendered) => {
      const { file, digest } = rendered;
      const kind = scanKind(file);
      if (kind === null) return;
      const key = passKey(code, kind, digest);
      if (passed.passed(key)) return void earlier.set(file, { digest, problems: [] });
      const { problems, dependsOnUrl } = scanInOrder(file, rendered.text, shown);
      if (problems.length === 0 && !dependsOnUrl) passed.add(key);
      earlier.set(file, { digest, problems });
    },
    wants: (file) => scanKind(file) !== null,
    onDisk: (found) => {
      readBefore.set(found.file, { seen: found.seen, ...scanOnDisk(found, shown, earlier.get(found.file)) });
    },
    finish: async (dir, read) => {
      await read;
      const result = scanOutput(dir, shown, earlier, readBefore);
      // Kept only from a scan that passed: a failed build keeps the passes of the build before it.
      if (result.problems.length === 0) await passed.save();
      return { ...result, passedBefore: passed.reused };
    },
  };
}
