import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { findWithheld, nameHash, type WithheldList } from './withheld-names.ts';
import withheld from './withheld-names.json' with { type: 'json' };

const content = resolve('content');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

/** Where a withheld name occurs, as file:line and the list entry: never the name itself. */
function occurrences(files: string[], list: WithheldList): string[] {
  return files.flatMap((f) =>
    findWithheld(readFileSync(f, 'utf8'), list).map((m) => `${relative(content, f)}:${m.line} (entry ${m.entry})`),
  );
}

describe('no withheld name anywhere in content/', () => {
  // A made-up name, assembled here so that it is not a literal the content could match by accident.
  const fake = ['Qzx', 'Vormlebb'];
  const list: WithheldList = { salt: withheld.salt, hashes: [nameHash(withheld.salt, fake.join(' ')), nameHash(withheld.salt, fake[1])] };

  it('finds a name of two words split by a line break or a hyphen, and a single word, by line (the detector works)', () => {
    const text = `First line.\nA man, ${fake[0]}\n${fake[1]}, was shot.\nAlso ${fake[0]}-${fake[1].toUpperCase()}.`;
    expect(findWithheld(text, list)).toEqual([
      { line: 3, entry: 1 },
      { line: 2, entry: 0 },
      { line: 4, entry: 1 },
      { line: 4, entry: 0 },
    ]);
  });

  it('does not match a word that only contains the name, nor the two words apart', () => {
    expect(findWithheld(`${fake[1]}s and ${fake[0]} then ${fake[1]}x`, list)).toEqual([]);
  });

  it('keeps only hashes: the list holds 64-digit hex digests and a salt', () => {
    expect(withheld.salt).toMatch(/^[0-9a-f]{32}$/);
    for (const h of withheld.hashes) expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(withheld.hashes.length).toBeGreaterThan(0);
  });

  it('finds none of the withheld names in any file under content/', () => {
    const files = filesUnder(content);
    expect(files.length).toBeGreaterThan(100);
    expect(occurrences(files, withheld)).toEqual([]);
  });
});
