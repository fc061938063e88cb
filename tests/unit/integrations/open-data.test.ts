/**
 * The build makes the open data's text early, in slices between other work on the main thread
 * (src/integrations/open-data.ts), and writes it after rendering: the files must be exactly those made at the end,
 * other work must not wait long for a slice, and a failure must still fail the build.
 */
import { describe, expect, it } from 'vitest';
import { textsInSlices } from '../../../src/integrations/open-data.ts';
import type { OpenDataFile } from '../../../src/citing/open-data/files.ts';

/** Ten files whose text is made by a call that is counted; the one at `failAt` throws. */
function files(failAt = -1) {
  const made: string[] = [];
  const map = new Map<string, OpenDataFile>();
  for (let i = 0; i < 10; i++) {
    const url = `/data/v1/file-${i}.json`;
    map.set(url, {
      contentType: 'application/json; charset=utf-8',
      text: () => {
        if (i === failAt) throw new Error(`cannot make ${url}`);
        made.push(url);
        return JSON.stringify({ i });
      },
    });
  }
  return { map, made };
}

const idle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the open data made early', () => {
  it('is made before it is needed, and is exactly what making it at the end gives, in the same order', async () => {
    const { map, made } = files();
    const early = textsInSlices(map);
    await idle(200);
    expect(made.length).toBe(10);
    const texts = early.finish();
    expect([...texts]).toEqual([...map].map(([url, file]) => [url, file.text()]));
  });

  it('lets other work run between slices of a few milliseconds', async () => {
    const map = new Map<string, OpenDataFile>();
    for (let i = 0; i < 200; i++) {
      map.set(`/data/v1/${i}.json`, {
        contentType: 'application/json; charset=utf-8',
        text: () => {
          const until = performance.now() + 1;
          while (performance.now() < until);
          return '{}';
        },
      });
    }
    const early = textsInSlices(map);
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      const asked = performance.now();
      await new Promise((resolve) => setImmediate(resolve));
      waits.push(performance.now() - asked);
    }
    // 200 ms of work in all, none of the other work waited for more than one slice (5 ms, and a text of 1 ms).
    expect(Math.max(...waits)).toBeLessThan(50);
    expect(early.finish().size).toBe(200);
  });

  it('a file that cannot be made fails the build where the files are written, with its own error', async () => {
    const { map } = files(3);
    const early = textsInSlices(map);
    await idle(200);
    expect(() => early.finish()).toThrow('cannot make /data/v1/file-3.json');
  });

  it('fails the same way when the failing file is first made at the end', () => {
    const { map } = files(3);
    expect(() => textsInSlices(map).finish()).toThrow('cannot make /data/v1/file-3.json');
  });
});
