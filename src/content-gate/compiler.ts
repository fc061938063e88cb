/**
 * The MDX parse exactly as the build compiles it: Astro's own frontmatter blanking, then Sätteri's parser with the
 * features the MDX processor is configured with. The content gate judges this tree and nothing else, so what
 * `npm run check` accepts is what `astro build` accepts.
 */
import { extractFrontmatter, parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { mdxToMdast, type MdastNode } from 'satteri';
import { yamlTokenProblems, type YamlTokenProblem } from '../corpus/yaml-gate.ts';

/**
 * Parser features for `.mdx`, passed both to the processor in astro.config.mjs and to `parseMdx` here. Every
 * feature is named: a default that changed in a Sätteri release must not make the check and the build disagree.
 */
export const MDX_FEATURES = {
  gfm: true,
  smartPunctuation: true,
  frontmatter: true,
  math: false,
  headingAttributes: false,
  directive: false,
  superscript: false,
  subscript: false,
  wikilinks: false,
  definitionList: false,
  rawHtml: false,
} as const;

/** What the compiler is given: the body with the frontmatter blanked in place, so offsets stay file offsets. */
export interface CompilerInput {
  /** The YAML between the `---` fences and its offset in the file; null when the file has none. */
  frontmatter: { text: string; offset: number } | null;
  /** The file text as the MDX compiler receives it (frontmatter replaced by spaces). */
  content: string;
  /** Offset of the first character after the closing fence, or 0. */
  bodyOffset: number;
  /** Set when the file cannot be compiled as a profile at all (TOML frontmatter). */
  error?: { offset: number; message: string; hint: string };
  /**
   * What the YAML gate refuses in the frontmatter, at offsets in the frontmatter (when there is one); Astro's
   * reader is not run on refused YAML.
   */
  refused?: YamlTokenProblem[];
  /** Set when Astro's YAML reader (js-yaml) refuses the frontmatter. */
  yamlError?: { offset: number; message: string };
}

/**
 * Splits a profile as Astro's MDX reader does (`parseFrontmatter`, "empty-with-spaces"): the YAML between the fences
 * is replaced by spaces, line breaks kept, so that offsets in the body stay file offsets. Reads no YAML: this is all
 * the compiler needs (./profile-body.ts); the check reads the YAML as well (compilerInput).
 */
export function splitFrontmatter(text: string): CompilerInput {
  const raw = extractFrontmatter(text);
  if (raw === undefined) return { frontmatter: null, content: text, bodyOffset: 0 };
  const fence = text.indexOf(raw) - 3;
  const delimiter = text.slice(fence, fence + 3);
  // Astro's match starts at the fence; the YAML itself starts on the next line.
  const lineBreak = /^\r?\n/.exec(raw)?.[0].length ?? 0;
  const frontmatter = { text: raw.slice(lineBreak), offset: fence + 3 + lineBreak };
  const afterFence = fence + 3 + raw.length + 3;
  const bodyOffset = afterFence + (/^\r?\n/.exec(text.slice(afterFence))?.[0].length ?? 0);
  if (delimiter !== '---') {
    return {
      frontmatter: null,
      content: text,
      bodyOffset,
      error: {
        offset: fence,
        message: 'frontmatter must be YAML between --- fences',
        hint: 'write the frontmatter as YAML between two lines of ---',
      },
    };
  }
  const content = text.slice(0, fence) + `   ${raw.replace(/[^\r\n]/g, ' ')}   ` + text.slice(afterFence);
  return { frontmatter, content, bodyOffset };
}

/**
 * What the check judges: the split above, and the frontmatter read as Astro's YAML reader (js-yaml) reads it, after
 * the YAML gate. The body is judged even when the frontmatter cannot be read, so that one run reports every problem.
 */
export function compilerInput(text: string): CompilerInput {
  const split = splitFrontmatter(text);
  const { frontmatter } = split;
  if (!frontmatter) return split;
  // YAML the content gate refuses (an alias bomb, deep nesting) is never handed to the YAML reader.
  const refused = yamlTokenProblems(frontmatter.text);
  if (refused.length) return { ...split, refused };
  try {
    parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
    return { ...split, refused };
  } catch (error) {
    const mark = (error as { mark?: { position?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split('\n')[0];
    return { ...split, yamlError: { offset: frontmatter.offset + (mark?.position ?? 0), message: reason } };
  }
}

/** A parse error as the MDX compiler reports it, located in the file. */
export interface ParseError {
  line: number;
  column: number;
  /** The same place as a file offset. */
  offset: number;
  message: string;
}

/** The offset of a 1-based line and column in a text. */
function offsetAt(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + column - 1, text.length);
}

/** Parses compiler input into mdast, or returns the compiler's own syntax error. */
export function parseMdx(content: string): { tree: MdastNode } | { error: ParseError } {
  try {
    return { tree: mdxToMdast(content, { features: MDX_FEATURES, position: true }) };
  } catch (error) {
    const message = (error as Error).message;
    const at = /^(\d+):(\d+):\s*/.exec(message);
    const line = at ? Number(at[1]) : 1;
    const column = at ? Number(at[2]) : 1;
    return {
      error: {
        line,
        column,
        offset: offsetAt(content, line, column),
        message: at ? message.slice(at[0].length) : message,
      },
    };
  }
}
