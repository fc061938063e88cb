import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/checks/index.ts';
import { loadCorpus } from '../../../src/corpus/corpus.ts';
import { FILES, ofRule, writeFixture } from '../support/corpus-fixture.ts';

/** Replaces the first `from` in a fixture file with raw bytes, and checks the corpus. */
function withBytes(file: string, from: string, bytes: number[]) {
  const dir = writeFixture();
  const full = join(dir, file);
  const text = readFileSync(full);
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`${from} not in ${file}`);
  writeFileSync(
    full,
    Buffer.concat([text.subarray(0, at), Buffer.from(bytes), text.subarray(at + Buffer.byteLength(from))]),
  );
  const corpus = loadCorpus(dir, dir);
  return { corpus, problems: runChecks(corpus) };
}

describe('invalid-encoding: content is strict UTF-8', () => {
  it('a Latin-1 "é" in a profile body fails at its line and column, and the profile is not loaded', () => {
    // line 14 of evaders.mdx is "Call-ups continued [@report-2022, p. 15]."; "continued" starts at column 10
    const { corpus, problems } = withBytes(FILES.evaders2023, 'continued', [0x63, 0x6f, 0x6e, 0x74, 0xe9]);
    expect(ofRule(problems, 'invalid-encoding')).toEqual([
      {
        file: FILES.evaders2023,
        line: 14,
        column: 14,
        severity: 'error',
        rule: 'invalid-encoding',
        message: expect.stringMatching(
          /^the file is not valid UTF-8: byte 0xE9 at byte offset \d+ does not start a valid UTF-8 character$/,
        ),
        hint: 'save the file as UTF-8 (it was probably saved as Latin-1 or Windows-1252); fix the character at this place',
      },
    ]);
    expect(corpus.profiles.map((p) => p.file)).not.toContain(FILES.evaders2023);
  });

  it('a bad byte in a YAML field fails; the source stays registered so citations of it do not also fail', () => {
    const { corpus, problems } = withBytes(FILES.news, 'conscription', [0xff]);
    expect(ofRule(problems, 'invalid-encoding')).toEqual([
      expect.objectContaining({ file: FILES.news, line: 2, column: 22 }),
    ]);
    expect(corpus.sources.get('news-2024')?.data).toBeNull();
    expect(ofRule(problems, 'unknown-source')).toEqual([]);
  });

  it('a byte-order mark fails at 1:1', () => {
    const { problems } = withBytes(FILES.deserters, '---', [0xef, 0xbb, 0xbf, 0x2d, 0x2d, 0x2d]);
    expect(ofRule(problems, 'invalid-encoding')).toEqual([
      expect.objectContaining({
        file: FILES.deserters,
        line: 1,
        column: 1,
        message: 'the file starts with a byte-order mark (BOM)',
      }),
    ]);
  });

  it('no text in the corpus ever holds U+FFFD in place of bad bytes', () => {
    const { corpus } = withBytes(FILES.evaders2024, 'Conscription', [0xc3, 0x28]);
    const texts = [...corpus.profiles, ...corpus.sources.values()].map((e) => e.text);
    expect(texts.some((t) => t.includes('\uFFFD'))).toBe(false);
  });

  it('UTF-8 accents and scripts pass', () => {
    const { problems } = withBytes(FILES.news, 'conscription', [...Buffer.from('conscription à Damas, دمشق')]);
    expect(ofRule(problems, 'invalid-encoding')).toEqual([]);
  });
});
