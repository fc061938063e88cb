/**
 * The content gate's first look at a profile, before the compiler parses it (./profile-body.ts): a file above the
 * size limit, or frontmatter the YAML gate refuses (an alias bomb, deep nesting), stops the compile with a located
 * error. The content check refuses them too; the compiler refuses them on its own, as it refuses everything else.
 */
import { sizeProblem } from '../corpus/content-limits.ts';
import { compilerInput } from './compiler.ts';

/** What refuses a profile's text before it is compiled, with file offsets; empty when it may be compiled. */
export function precompileProblems(text: string, input = compilerInput(text)) {
  const tooLarge = sizeProblem(Buffer.byteLength(text));
  if (tooLarge) return [{ offset: 0, rule: 'content-limit' as const, ...tooLarge }];
  const { frontmatter, refused = [] } = input;
  return refused.map((p) => ({ ...p, offset: p.offset + (frontmatter?.offset ?? 0) }));
}
