/**
 * Whether a page is searchable is judged once for the same code, path and bytes: a rebuild does not decode the pages
 * it kept to judge them again, and a damaged or foreign record only means judging again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchVerdicts } from '../../../src/build-cache/search-verdicts.ts';
import { writeCacheFile } from '../../../src/build-cache/cache-file.ts';
import { cacheKey } from '../../../src/build-cache/cache-key.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const recordFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-verdicts-'));
  dirs.push(dir);
  return join(dir, 'verdicts.v1');
};
const never = () => {
  throw new Error('judged again');
};

describe('the searchable verdicts kept between builds', () => {
  it('are reused for the same code, output path and bytes, and judged again for anything else', async () => {
    const file = recordFile();
    const first = new SearchVerdicts(file, 'code-1');
    expect(first.searchable('a/index.html', 'd1', () => true)).toBe(true);
    expect(first.searchable('b/index.html', 'd2', () => false)).toBe(false);
    await first.save();

    const again = new SearchVerdicts(file, 'code-1');
    expect(again.searchable('a/index.html', 'd1', never)).toBe(true);
    expect(again.searchable('b/index.html', 'd2', never)).toBe(false);
    // Another page with the same bytes, other bytes, other code: judged.
    expect(again.searchable('c/index.html', 'd1', () => false)).toBe(false);
    expect(again.searchable('a/index.html', 'd9', () => false)).toBe(false);
    expect(new SearchVerdicts(file, 'code-2').searchable('a/index.html', 'd1', () => false)).toBe(false);
  });

  it('keep only what the last build judged', async () => {
    const file = recordFile();
    const first = new SearchVerdicts(file, 'code-1');
    first.searchable('a/index.html', 'd1', () => true);
    await first.save();
    const second = new SearchVerdicts(file, 'code-1');
    second.searchable('b/index.html', 'd2', () => true);
    await second.save();
    expect(new SearchVerdicts(file, 'code-1').searchable('a/index.html', 'd1', () => false)).toBe(false);
  });

  it('are judged again when the record holds something other than a verdict', async () => {
    const file = recordFile();
    await writeCacheFile(file, new Map([[cacheKey('code-1', 'a/index.html', 'd1'), 'yes']]));
    expect(new SearchVerdicts(file, 'code-1').searchable('a/index.html', 'd1', () => false)).toBe(false);
  });
});
