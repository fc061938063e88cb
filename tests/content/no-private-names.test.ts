import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const archive = resolve('content', 'archive');

/** Where a report introduces a person ("identified as 31-year-old …", "named as …"), what follows. */
function introducedPeople(text: string): string[] {
  return [...text.matchAll(/\b(?:identified|named) as (?:\d+-year-old )?\[*([^\]\n,]{0,40})/g)].map((m) => m[1].trim());
}

describe('stored copies name no private individuals', () => {
  it('finds a person introduced by name (the detector works)', () => {
    expect(introducedPeople('a man, identified as 31-year-old [Sample Person](#), was shot')).toEqual(['Sample Person']);
  });

  it.each(readdirSync(archive))('withholds every name the stored copy %s introduces', (file) => {
    const named = introducedPeople(readFileSync(join(archive, file), 'utf8')).filter((n) => /^[A-Z][a-z]/.test(n) && !/^name withheld/.test(n));
    expect(named).toEqual([]);
  });
});
