/**
 * Test corpora in temporary folders: a copy of tests/fixtures/valid with a few files changed, loaded with
 * loadCorpus(dir, dir) so that paths in problems are short and predictable ("profiles/testland/2023-01/deserters.mdx").
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { onTestFinished } from 'vitest';
import { runChecks } from '../../../src/checks/index.ts';
import { loadCorpus, type Corpus } from '../../../src/corpus/corpus.ts';
import type { Problem, Rule } from '../../../src/corpus/problem.ts';

/** The valid fixture every corpus starts from. */
export const VALID = resolve(import.meta.dirname, '../../fixtures/valid');

/** Well-known files of the valid fixture, by short name. */
export const FILES = {
  deserters: 'profiles/testland/2023-01/deserters.mdx',
  evaders2023: 'profiles/testland/2023-01/evaders.mdx',
  evaders2024: 'profiles/testland/2024-06/evaders.mdx',
  edition2023: 'editions/testland-2023-01.yaml',
  edition2024: 'editions/testland-2024-06.yaml',
  country: 'countries/testland.yaml',
  qd9: 'law/qd-9.yaml',
  euQd: 'sources/eu-qd.yaml',
  news: 'sources/news-2024.yaml',
  report: 'sources/report-2022.yaml',
  archive: 'archive/report-2022.txt',
} as const;

/** New content for a file: its text, null to delete it, or a function of its current text. */
export type Change = string | null | ((current: string) => string);
export type Changes = Record<string, Change>;

/** A change that replaces one exact snippet; throws when the snippet is not there, so no mutation is silently lost. */
export function edit(from: string, to: string): (current: string) => string {
  return (current) => {
    if (!current.includes(from)) throw new Error(`fixture edit: ${JSON.stringify(from)} not found`);
    return current.replace(from, to);
  };
}

/** A change that replaces the whole of line `n` (1-based). */
export function setLine(n: number, text: string): (current: string) => string {
  return (current) => {
    const lines = current.split('\n');
    if (n < 1 || n > lines.length) throw new Error(`fixture edit: no line ${n}`);
    lines[n - 1] = text;
    return lines.join('\n');
  };
}

/** A change that inserts lines after line `n` (1-based; 0 inserts at the top). */
export function insertAfter(n: number, text: string): (current: string) => string {
  return (current) => {
    const lines = current.split('\n');
    if (n < 0 || n > lines.length) throw new Error(`fixture edit: no line ${n}`);
    lines.splice(n, 0, ...text.split('\n'));
    return lines.join('\n');
  };
}

const leftover: string[] = [];
let exitHook = false;

function removeLater(dir: string): void {
  try {
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  } catch {
    // Not inside a running test (e.g. beforeAll): remove when the worker exits.
    leftover.push(dir);
    if (!exitHook) {
      exitHook = true;
      process.once('exit', () => leftover.forEach((d) => rmSync(d, { recursive: true, force: true })));
    }
  }
}

/** Writes a corpus folder: a copy of `base` (the valid fixture unless null) with `changes` applied. */
export function writeFixture(changes: Changes = {}, base: string | null = VALID): string {
  const dir = mkdtempSync(join(tmpdir(), 'cg-unit-'));
  removeLater(dir);
  if (base) cpSync(base, dir, { recursive: true });
  for (const [path, change] of Object.entries(changes)) {
    const full = join(dir, path);
    if (change === null) {
      if (!existsSync(full)) throw new Error(`fixture edit: cannot delete missing ${path}`);
      rmSync(full);
      continue;
    }
    const text = typeof change === 'function' ? change(readFileSync(full, 'utf8')) : change;
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return dir;
}

/** Loads a changed copy of the valid fixture; problem paths are relative to the corpus folder. */
export function loadFixture(changes: Changes = {}, base: string | null = VALID): Corpus {
  const dir = writeFixture(changes, base);
  return loadCorpus(dir, dir);
}

/** Loads a changed copy of the valid fixture and runs every check. */
export function checkFixture(changes: Changes = {}, base: string | null = VALID): Problem[] {
  return runChecks(loadFixture(changes, base));
}

/** The problems of one rule. */
export function ofRule(problems: Problem[], rule: Rule): Problem[] {
  return problems.filter((p) => p.rule === rule);
}

/** The problems as `file:line:column rule` strings, for compact assertions. */
export function where(problems: Problem[]): string[] {
  return problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`);
}
