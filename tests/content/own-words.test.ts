import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sharedRuns, shingles } from '../../src/lib/copied-text.ts';
import { contentProse } from '../../src/lib/content-prose.ts';

const shared = resolve('..', 'shared');
const seedsDir = join(shared, 'seeds');
const notes = join(shared, 'coi-notes', 'syria.md');

function shinglesOf(files: string[]): Set<string> {
  const all = new Set<string>();
  for (const f of files) for (const s of shingles(readFileSync(f, 'utf8'))) all.add(s);
  return all;
}

describe.runIf(existsSync(seedsDir))('content written in our own words', () => {
  const prose = contentProse(resolve('content'));

  it('finds copied runs when there are some (the detector works)', () => {
    const seed = readFileSync(join(seedsDir, readdirSync(seedsDir)[0]), 'utf8');
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
