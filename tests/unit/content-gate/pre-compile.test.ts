import { describe, expect, it } from 'vitest';
import { precompileProblems, refuseBeforeCompile } from '../../../src/content-gate/pre-compile.ts';
import { MAX_CONTENT_BYTES } from '../../../src/corpus/content-limits.ts';

const bomb = ['a0: &a0 [lol, lol, lol]', 'a1: &a1 [*a0, *a0, *a0]', 'a2: [*a1, *a1, *a1]'].join('\n');
const profile = (frontmatter: string) => `---\ntitle: T\n${frontmatter}\n---\n\nBody.\n`;

describe('the gate before @astrojs/mdx', () => {
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

  it('runs before the MDX compiler and stops the transform with the located report', () => {
    const plugin = refuseBeforeCompile();
    expect(plugin.enforce).toBe('pre');
    const transform = plugin.transform as (code: string, id: string) => unknown;
    expect(() => transform(profile(bomb), '/site/content/profiles/x/2024-01/p.mdx?astro')).toThrow(
      /p\.mdx:3:5 {2}error {2}unsafe-yaml {2}a YAML anchor \(&a0\) is not allowed/,
    );
    expect(transform(profile(bomb), '/site/src/page.astro')).toBeUndefined();
  });
});
