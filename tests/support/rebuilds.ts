/**
 * What tests of rebuilds share: folders under tmp/ removed after the test file, the files of a built output with
 * their bytes, and the clean build of the same content (a copy in a new folder, so with a cache folder of its own)
 * that a rebuild must equal byte for byte.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { afterAll, expect } from 'vitest';
import { astroCacheDir } from '../../src/corpus/content-dir.ts';
import { astroBuild, ROOT } from './run-build.ts';

/** Every file under `dir`, "/"-separated and sorted, with its bytes. */
export function tree(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
  return new Map(files.map((f) => [f, readFileSync(join(dir, f))]));
}

/** The files that differ between two outputs: missing from one, or with other bytes. */
export function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.filter((f) => !a.has(f) || !b.has(f) || !a.get(f)!.equals(b.get(f)!));
}

/** Scratch folders for one test file, removed (with the Astro cache folders of content copies) after it. */
export function scratch() {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  /** A new folder under tmp/. */
  const tmpDir = (prefix: string): string => {
    mkdirSync(resolve(ROOT, 'tmp'), { recursive: true });
    const dir = mkdtempSync(resolve(ROOT, `tmp/${prefix}`));
    made.push(dir);
    return dir;
  };
  /** A copy of `content` in a new folder; its Astro cache folder goes with it. */
  const contentCopy = (content: string, prefix: string): string => {
    const copy = tmpDir(prefix);
    cpSync(content, copy, { recursive: true });
    made.push(resolve(ROOT, astroCacheDir(copy)));
    return copy;
  };
  /** Builds `content` as it stands in a fresh folder, with a fresh cache: the clean build to compare with. */
  const cleanBuild = async (content: string, env: Record<string, string> = {}): Promise<Map<string, Buffer>> => {
    const copy = contentCopy(content, 'content-clean-');
    const outDir = tmpDir('out-clean-');
    const result = await astroBuild({ contentDir: copy, outDir, env });
    expect(result.code, result.output).toBe(0);
    return tree(outDir);
  };
  return { tmpDir, contentCopy, cleanBuild };
}
