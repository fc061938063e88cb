// Lists every run of ten or more words that content prose shares with the seed documents or the research notes
// in ../shared, and exits 1 if there is one. tests/content asserts the same thing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedRuns, shingles } from '../src/citing/copied-text.ts';
import { contentProse } from '../src/corpus/content-prose.ts';

const shared = process.argv[2] ?? '../shared';
const sourceFiles = [
  ...readdirSync(join(shared, 'seeds')).map((n) => join(shared, 'seeds', n)),
  join(shared, 'coi-notes', 'syria.md'),
];
const sources = new Set<string>();
for (const f of sourceFiles) for (const s of shingles(readFileSync(f, 'utf8'))) sources.add(s);
let found = 0;
for (const { file, text } of contentProse('content')) {
  for (const run of sharedRuns(text, sources)) {
    found++;
    console.log(`content/${file}: "${run}"`);
  }
}
console.log(found ? `${found} copied run(s) of 10+ words` : 'no copied runs of 10+ words');
if (found) process.exitCode = 1;
