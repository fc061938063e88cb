import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sharedRuns, shingles } from '../../src/citing/copied-text.ts';
import { contentProse } from '../../src/corpus/content-prose.ts';

const shared = resolve('..', 'shared');
const seedsDir = join(shared, 'seeds');
const notes = join(shared, 'coi-notes', 'syria.md');
/** Set to 1 to run the suite knowingly without ../shared (the check is then reported as not run). */
const OPT_OUT = 'CG_WITHOUT_SHARED_SOURCES';
const sourcesPresent = existsSync(seedsDir) && existsSync(notes);
const optedOut = !sourcesPresent && process.env[OPT_OUT] === '1';
if (optedOut)
  console.warn(
    `\n*** own-words NOT RUN: ${seedsDir} or ${notes} is absent and ${OPT_OUT}=1. Nothing here checks that content is written in its own words. ***\n`,
  );

describe.skipIf(sourcesPresent || optedOut)('the sources the own-words check compares with', () => {
  it('are present, or the check is skipped on purpose', () => {
    expect.fail(
      `${seedsDir} and ${notes} are needed to check that content is written in its own words; ` +
        `set ${OPT_OUT}=1 to run the rest of the suite without them`,
    );
  });
});

function shinglesOf(files: string[]): Set<string> {
  const all = new Set<string>();
  for (const f of files) for (const s of shingles(readFileSync(f, 'utf8'))) all.add(s);
  return all;
}

describe.runIf(sourcesPresent)('content written in our own words', () => {
  const prose = contentProse(resolve('content'));

  it('finds copied runs when there are some (the detector works)', () => {
    const seeds = readdirSync(seedsDir);
    expect(seeds.length, `${seedsDir} holds the seed documents`).toBeGreaterThan(0);
    const seed = readFileSync(join(seedsDir, seeds[0]), 'utf8');
    const ten = seed.split(/\s+/).filter(Boolean).slice(40, 52).join(' ');
    expect(sharedRuns(`Intro. ${ten} outro.`, shingles(seed))).not.toEqual([]);
  });

  it('shares no run of ten words with the seed documents', () => {
    const seeds = shinglesOf(readdirSync(seedsDir).map((n) => join(seedsDir, n)));
    const copied = prose.flatMap(({ file, text }) => sharedRuns(text, seeds).map((run) => `${file}: ${run}`));
    expect(copied).toEqual([]);
  });

  it('shares no run of ten words with the research notes', () => {
    const fromNotes = shinglesOf([notes]);
    const copied = prose.flatMap(({ file, text }) => sharedRuns(text, fromNotes).map((run) => `${file}: ${run}`));
    expect(copied).toEqual([]);
  });
});
