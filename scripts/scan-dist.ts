/**
 * Runs the publish scan (src/publish/dist-scan.ts, the same reader `npm run build` runs on every build) over a built
 * folder: event handlers, script URLs, embedded documents, scripts the project did not emit, loads from another
 * origin, and the Content-Security-Policy of every page.
 *
 * Usage: `node scripts/scan-dist.ts [dist]`; exits 1 when it finds anything.
 */
import { resolve } from 'node:path';
import { scanOutput } from '../src/integrations/dist-scan.ts';
import { formatOutputProblem } from '../src/publish/dist-scan.ts';

const dir = resolve(process.argv[2] ?? 'dist');
const { files, problems } = scanOutput(dir);
console.log(
  problems.length
    ? problems.map(formatOutputProblem).join('\n')
    : `publish scan: ${files} files in ${dir}, nothing found`,
);
if (problems.length) process.exitCode = 1;
