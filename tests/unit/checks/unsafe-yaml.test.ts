import { describe, expect, it } from 'vitest';
import { checkFixture, edit, FILES, loadFixture, ofRule } from '../support/corpus-fixture.ts';
import { MAX_CONTENT_BYTES, MAX_YAML_DEPTH } from '../../../src/corpus/content-limits.ts';
import { aliasBomb } from '../../support/hostile-yaml.ts';

describe('unsafe-yaml', () => {
  it('refuses an alias bomb in a source at its first anchor, in milliseconds, before anything expands', () => {
    const started = performance.now();
    const corpus = loadFixture({ [FILES.news]: (t) => t + aliasBomb() });
    expect(performance.now() - started).toBeLessThan(5000);
    // One error per kind, at its first place: a bomb is not a page of errors.
    expect(ofRule(corpus.problems, 'unsafe-yaml')).toEqual([
      expect.objectContaining({
        file: FILES.news,
        line: 8,
        column: 5,
        message: 'a YAML anchor (&a0) is not allowed (8 more in this file)',
      }),
      expect.objectContaining({
        file: FILES.news,
        line: 9,
        column: 10,
        message: 'a YAML alias (*a0) is not allowed (71 more in this file)',
      }),
    ]);
    expect(corpus.sources.get('news-2024')?.data).toBeNull();
  });

  it('refuses an alias bomb in frontmatter', () => {
    const problems = checkFixture({ [FILES.deserters]: edit('---\n', `---\n${aliasBomb()}`) });
    expect(ofRule(problems, 'unsafe-yaml')[0]).toEqual(
      expect.objectContaining({ file: FILES.deserters, line: 2, column: 5 }),
    );
  });

  it('refuses tags and merge keys', () => {
    const tagged = checkFixture({ [FILES.news]: edit('title: Testland', 'title: !!binary Testland') });
    expect(ofRule(tagged, 'unsafe-yaml')).toEqual([
      expect.objectContaining({ line: 2, column: 8, message: 'a YAML tag (!!binary) is not allowed' }),
    ]);
    const merged = checkFixture({ [FILES.news]: (t) => `${t}<<: { access: read }\n` });
    expect(ofRule(merged, 'unsafe-yaml')).toEqual([
      expect.objectContaining({ line: 8, column: 1, message: 'a YAML merge key (<<) is not allowed' }),
    ]);
  });

  it('refuses a __proto__ key, which used to slip a required field past the schema', () => {
    // Without the gate, `__proto__` became the value's prototype and the schema found `title` through it.
    const problems = checkFixture({
      [FILES.news]: edit('title: Testland ends conscription', '__proto__: { title: Forged }'),
    });
    expect(ofRule(problems, 'unsafe-yaml')).toEqual([
      expect.objectContaining({ file: FILES.news, line: 2, column: 1, message: 'the key "__proto__" is not allowed' }),
    ]);
    for (const key of ['constructor', 'prototype']) {
      const refused = checkFixture({ [FILES.news]: (t) => `${t}${key}: x\n` });
      expect(ofRule(refused, 'unsafe-yaml').map((p) => p.message)).toEqual([`the key "${key}" is not allowed`]);
    }
  });
});

describe('content-limit', () => {
  it('refuses YAML nested deeper than the limit, at the place, without overflowing the stack', () => {
    const deep = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    const problems = checkFixture({ [FILES.news]: (t) => `${t}extra: ${deep}\n` });
    expect(ofRule(problems, 'content-limit')).toEqual([
      expect.objectContaining({
        file: FILES.news,
        line: 8,
        message: `YAML nests deeper than ${MAX_YAML_DEPTH} levels`,
      }),
    ]);
    expect(ofRule(problems, 'check-failed')).toEqual([]);
  });

  it.each([
    ['blockquotes', '> '],
    ['list items', '- '],
  ])('refuses 20,000 nested %s in a profile at the file, not at content:1:1', (_, marker) => {
    const problems = checkFixture({ [FILES.deserters]: (t) => `${t}\n${marker.repeat(20000)}deep\n` });
    expect(ofRule(problems, 'content-limit')).toEqual([
      expect.objectContaining({ file: FILES.deserters, message: expect.stringMatching(/^Markdown nests deeper than/) }),
    ]);
    expect(ofRule(problems, 'check-failed')).toEqual([]);
  });

  it('refuses a content file above the size limit without reading it', () => {
    const problems = checkFixture({ [FILES.deserters]: (t) => t + 'x'.repeat(MAX_CONTENT_BYTES) });
    expect(ofRule(problems, 'content-limit')).toEqual([
      expect.objectContaining({
        file: FILES.deserters,
        line: 1,
        column: 1,
        message: expect.stringMatching(/above the limit/),
      }),
    ]);
  });
});

describe('unsafe-character', () => {
  it('refuses a form feed written as a YAML escape, at its value', () => {
    const problems = checkFixture({
      [FILES.news]: edit('description: A fictional news report.', 'description: "A fictional\\f report."'),
    });
    expect(ofRule(problems, 'unsafe-character')).toEqual([
      expect.objectContaining({ line: 6, column: 14, message: expect.stringContaining('U+000C') }),
    ]);
  });

  it('refuses a right-to-left override in a conclusion summary and in prose, naming it', () => {
    const summary = checkFixture({
      [FILES.deserters]: edit(
        'summary: Punishment of deserters amounts to persecution.',
        'summary: "\\u202EPunishment of deserters amounts to persecution."',
      ),
    });
    expect(ofRule(summary, 'unsafe-character')).toEqual([
      expect.objectContaining({
        line: 9,
        column: 14,
        message: expect.stringContaining('U+202E RIGHT-TO-LEFT OVERRIDE'),
      }),
    ]);
    const prose = checkFixture({ [FILES.deserters]: edit('The law is in', 'The law &#x2067;is in') });
    expect(ofRule(prose, 'unsafe-character')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('U+2067 RIGHT-TO-LEFT ISOLATE') }),
    ]);
  });

  it('refuses an invisible character in a key and names a zero-width space in a citation key', () => {
    const key = checkFixture({ [FILES.news]: (t) => `${t}"acc\\u200Bess": read\n` });
    expect(ofRule(key, 'unsafe-character')[0].message).toContain('U+200B ZERO WIDTH SPACE');
    const cite = checkFixture({ [FILES.deserters]: edit('[@eu-qd, art. 9]', '[@eu\u200B-qd, art. 9]') });
    expect(ofRule(cite, 'unsafe-character')[0].message).toContain('U+200B ZERO WIDTH SPACE');
    expect(ofRule(cite, 'unknown-source')[0].message).toContain('U+200B ZERO WIDTH SPACE');
  });

  it('leaves a zero-width non-joiner in prose alone (Persian needs it)', () => {
    const problems = checkFixture({ [FILES.deserters]: edit('The law is in', 'The law is\u200Cin') });
    expect(ofRule(problems, 'unsafe-character')).toEqual([]);
  });
});
