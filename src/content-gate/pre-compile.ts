/**
 * The content gate's first look at a profile, before @astrojs/mdx touches it: a file above the size limit, or
 * frontmatter the YAML gate refuses (an alias bomb, deep nesting), stops the compile with a located error. Astro's
 * own frontmatter reader expands aliases when it serialises the data, so it must never see such YAML: the content
 * check refuses it too, but under `astro dev` a page can be requested before the check has seen the file saved.
 */
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { sizeProblem } from '../corpus/content-limits.ts';
import { compilerInput } from './compiler.ts';
import { refuse } from './satteri-plugin.ts';

/** What refuses a profile's text before it is compiled, with file offsets; empty when it may be compiled. */
export function precompileProblems(text: string) {
  const tooLarge = sizeProblem(Buffer.byteLength(text));
  if (tooLarge) return [{ offset: 0, rule: 'content-limit' as const, ...tooLarge }];
  const { frontmatter, refused = [] } = compilerInput(text);
  return refused.map((p) => ({ ...p, offset: p.offset + (frontmatter?.offset ?? 0) }));
}

/** The Vite plugin, ordered before @astrojs/mdx's transform. */
export function refuseBeforeCompile(): Plugin {
  return {
    name: 'cg:refuse-before-compile',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0];
      if (!path.endsWith('.mdx')) return;
      const problems = precompileProblems(code);
      if (problems.length) refuse({ fileURL: pathToFileURL(path), source: code }, problems);
    },
  };
}
