import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeSize, outputSize } from '../../scripts/bench/output-size.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the benchmark says how much HTML each build wrote', () => {
  it('sums every HTML file and takes the median of the profile pages in an edition', () => {
    dir = mkdtempSync(join(tmpdir(), 'cg-size-'));
    const files: [string, number][] = [
      ['syria/2025-12/deserters/index.html', 3000],
      ['syria/2025-12/returnees/index.html', 1000],
      ['syria/2024-04/deserters/index.html', 2000],
      ['syria/deserters/index.html', 3000],
      ['index.html', 500],
      ['data/v1/syria.json', 9999],
    ];
    for (const [file, bytes] of files) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), 'x'.repeat(bytes));
    }
    const size = outputSize(dir);
    expect(size).toEqual({ htmlBytes: 9500, htmlFiles: 5, profileBytes: 2000 });
    expect(describeSize(size)).toBe('0.0 MB of HTML in 5 files; a profile page 2.0 kB (median)');
  });
});
