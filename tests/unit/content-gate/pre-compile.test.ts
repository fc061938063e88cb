import { describe, expect, it } from 'vitest';
import { precompileProblems } from '../../../src/content-gate/pre-compile.ts';
import { MAX_CONTENT_BYTES } from '../../../src/corpus/content-limits.ts';

const bomb = ['a0: &a0 [lol, lol, lol]', 'a1: &a1 [*a0, *a0, *a0]', 'a2: [*a1, *a1, *a1]'].join('\n');
const profile = (frontmatter: string) => `---\ntitle: T\n${frontmatter}\n---\n\nBody.\n`;

describe('the gate before the compiler parses a profile', () => {
  it('refuses aliases in frontmatter at their file offset, and a file above the size limit', () => {
    const text = profile(bomb);
    const problems = precompileProblems(text);
    expect(problems.map((p) => [p.rule, text.slice(p.offset, p.offset + 3)])).toEqual([
      ['unsafe-yaml', '&a0'],
      ['unsafe-yaml', '*a0'],
    ]);
    expect(precompileProblems(profile('x: y') + 'z'.repeat(MAX_CONTENT_BYTES))[0].rule).toBe('content-limit');
    expect(precompileProblems(profile('scope: plain'))).toEqual([]);
  });
});
