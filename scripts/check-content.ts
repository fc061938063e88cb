// `npm run check`: every content check, without building the site. Exits 1 on any error.
import { resolve } from 'node:path';
import { checkContent } from '../src/checks/index.ts';
import { formatReport } from '../src/lib/problem.ts';
import { contentDir } from '../src/lib/content-dir.ts';

const dir = resolve(process.argv[2] ?? contentDir());
const started = performance.now();
const { corpus, problems } = checkContent(dir);
console.log(formatReport(problems));
const files = corpus.countries.size + corpus.editions.size + corpus.sources.size + corpus.provisions.size + corpus.profiles.length;
console.log(`checked ${files} files in ${Math.round(performance.now() - started)} ms`);
if (problems.some((p) => p.severity === 'error')) process.exitCode = 1;
