import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { checkContent } from '../../src/checks/index.ts';

const { corpus } = checkContent(resolve('content'));

/** Sources by the address they give, where more than one gives it. */
function sharedAddresses(sources: typeof corpus.sources): Record<string, string[]> {
  const byUrl = new Map<string, string[]>();
  for (const [id, entry] of sources) {
    const url = entry.data?.URL;
    if (url) byUrl.set(url, [...(byUrl.get(url) ?? []), id]);
  }
  return Object.fromEntries([...byUrl].filter(([, ids]) => ids.length > 1));
}

describe('the source register gives each source its own address', () => {
  // A report known only through someone else's description must not carry that description's address as its own
  // (issue 23: the Danish report carried the address of SNHR's statement about it).
  it('has no address shared by two sources', () => {
    expect(corpus.sources.size).toBeGreaterThan(50);
    expect(sharedAddresses(corpus.sources)).toEqual({});
  });

  it('notices an address borrowed from another source', () => {
    const [first, second] = [...corpus.sources].filter(([, e]) => e.data?.URL);
    const borrowed = new Map([first, [second[0], { ...second[1], data: { ...second[1].data!, URL: first[1].data!.URL } }]]);
    expect(sharedAddresses(borrowed)).toEqual({ [first[1].data!.URL!]: [first[0], second[0]] });
  });
});
