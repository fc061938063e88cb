/**
 * The folders of src/ say what they hold: each top-level folder is named in CONTRIBUTING.md's table of where code
 * runs, and no catch-all folder (lib, utils, helpers, common) grows into a drawer of unrelated modules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const SRC = join(ROOT, 'src');
const CATCH_ALL = new Set(['lib', 'utils', 'helpers', 'common']);
const MAX_IN_CATCH_ALL = 12;

/** The folders named in the first column of CONTRIBUTING.md's folder table ("| `src/x/`, `src/y/` | … |"). */
function documentedFolders(contributing: string): Set<string> {
  const table = contributing.split('Folders say where code runs')[1]?.split('\n\n')[1] ?? '';
  const rows = table.split('\n').filter((l) => l.startsWith('| `src/'));
  return new Set(rows.flatMap((row) => [...row.split('|')[1].matchAll(/`src\/([^/`]+)\/`/g)].map((m) => m[1])));
}

describe('the folders of src/', () => {
  const folders = readdirSync(SRC, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

  it('are each named in CONTRIBUTING.md, with what may live there and where it runs', () => {
    const documented = documentedFolders(readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8'));
    expect(folders.length).toBeGreaterThan(5);
    expect(folders.filter((f) => !documented.has(f))).toEqual([]);
    expect([...documented].filter((f) => !folders.includes(f))).toEqual([]);
  });

  it('the table is read as written: a folder left out of it is found', () => {
    const row = '| `src/corpus/` | reading content | Node |';
    const text = `Folders say where code runs. Every top-level folder:\n\n| folder | what | runs |\n| --- | --- | --- |\n${row}\n`;
    expect([...documentedFolders(text)]).toEqual(['corpus']);
  });

  it('hold no catch-all folder of more than a dozen modules', () => {
    const drawers = readdirSync(SRC, { recursive: true, withFileTypes: true })
      .filter((d) => d.isDirectory() && CATCH_ALL.has(d.name))
      .map((d) => join(d.parentPath, d.name))
      .map((dir) => ({ dir, modules: readdirSync(dir).filter((f) => /\.(ts|mjs|js|astro)$/.test(f)).length }));
    expect(drawers.filter((d) => d.modules > MAX_IN_CATCH_ALL)).toEqual([]);
  });
});
