/**
 * A build starts from the previous output, so what it publishes must be only what it wrote: every file of the
 * previous output that this build did not write, or publish untouched as a kept page, is removed before anything
 * reads the folder.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { fileSystemNow, removeStale } from '../../../src/integrations/atomic-output.ts';
import { folderWith } from '../../support/temp-folder.ts';

/** Longer than a tick of the file system's clock (4 ms at 250 Hz, 10 ms at 100 Hz). */
const TICK = 30;

/** A previous output with `before` in it, a build started after it, and `written` written by that build. */
async function buildInto(before: Record<string, string>, written: string[]) {
  const dir = folderWith(before);
  await sleep(TICK);
  const since = fileSystemNow(dir);
  for (const file of written) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), 'new');
  }
  return { dir, since };
}

describe('the previous output a build was written into', () => {
  it('loses every file the build did not write, and keeps those it wrote, rewrote or kept', async () => {
    const { dir, since } = await buildInto(
      {
        'index.html': 'old',
        'gone.html': 'old',
        'testland/evaders/index.html': 'kept page',
        'testland/returnees/index.html': 'old',
        '_astro/site.OLDHASH.css': 'old',
      },
      ['index.html', '_astro/site.NEWHASH.css', 'testland/deserters/index.html'],
    );
    const removed = removeStale(dir, since, new Set(['testland/evaders/index.html']));
    expect(removed).toBe(3);
    for (const file of ['index.html', '_astro/site.NEWHASH.css', 'testland/deserters/index.html'])
      expect(existsSync(join(dir, file)), file).toBe(true);
    expect(existsSync(join(dir, 'testland/evaders/index.html'))).toBe(true);
    for (const file of ['gone.html', 'testland/returnees/index.html', '_astro/site.OLDHASH.css'])
      expect(existsSync(join(dir, file)), file).toBe(false);
  });

  it('loses the folders that only held what was removed, and keeps the output folder itself', async () => {
    const { dir, since } = await buildInto({ 'testland/retired/history/index.html': 'old' }, []);
    expect(removeStale(dir, since, new Set())).toBe(1);
    expect(existsSync(join(dir, 'testland'))).toBe(false);
    expect(existsSync(dir)).toBe(true);
  });

  it('keeps a folder that still holds a file, and an empty folder the build made', async () => {
    const { dir, since } = await buildInto({ 'testland/old/index.html': 'old', 'testland/a.json': 'old' }, [
      'testland/a.json',
    ]);
    mkdirSync(join(dir, 'made-empty'));
    expect(removeStale(dir, since, new Set())).toBe(1);
    expect(existsSync(join(dir, 'testland/a.json'))).toBe(true);
    expect(existsSync(join(dir, 'testland/old'))).toBe(false);
    expect(existsSync(join(dir, 'made-empty'))).toBe(true);
  });
});
