// `npm run check`: every content check, without building the site. Lists every error, then every warning.
// Exits 1 on any error (a check that crashed included), 0 when there are only warnings.
import { resolve } from 'node:path';
import { checkContentTotally } from '../src/integrations/content-check.ts';
import { formatReport } from '../src/corpus/problem.ts';
import { contentDir } from '../src/corpus/content-dir.ts';

const dir = resolve(process.argv[2] ?? contentDir());
const started = performance.now();
const { corpus, problems } = checkContentTotally(dir);
console.log(formatReport(problems));
if (corpus) {
  const { countries, editions, sources, provisions, profiles } = corpus;
  const files = countries.size + editions.size + sources.size + provisions.size + profiles.length;
  console.log(`checked ${files} files in ${Math.round(performance.now() - started)} ms`);
}
if (problems.some((p) => p.severity === 'error')) process.exitCode = 1;
