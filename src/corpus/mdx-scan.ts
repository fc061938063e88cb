/**
 * Reads a profile's MDX the way the checks need it: the frontmatter, the findings (`<Finding id asOf>`), and every
 * pandoc citation cluster (`[@source, sec. VI, pp. 8-9; @other, para. 57]`), with their offsets.
 *
 * It parses with the MDX compiler's own parser and judges the compiler's tree (src/content-gate/), so a file the
 * check passes is a file the build compiles the same way, and a file the compiler would read as code is refused.
 */
import { compilerInput, parseMdx } from '../content-gate/compiler.ts';
import { judgeTree, type GateProblem, type ScannedFinding } from '../content-gate/judge.ts';
import type { CiteCluster } from '../content-gate/citations.ts';
import type { YamlTokenProblem } from './yaml-gate.ts';
import type { CrossRef, IdMention } from '../content-gate/xrefs.ts';

export type { CiteCluster, CiteItem } from '../content-gate/citations.ts';
export type { ScannedFinding } from '../content-gate/judge.ts';
export type ScanProblem = GateProblem;

export interface ScanResult {
  /** The YAML between the `---` fences, and where it starts in the file. */
  frontmatter: { text: string; offset: number } | null;
  bodyOffset: number;
  findings: ScannedFinding[];
  citations: CiteCluster[];
  /** Links to findings, and id-like words of the prose (content-gate/xrefs.ts). */
  crossRefs: CrossRef[];
  mentions: IdMention[];
  problems: ScanProblem[];
  /** The YAML gate's verdict on the frontmatter's tokens (compilerInput), so that it is not lexed twice. */
  yamlTokens?: YamlTokenProblem[];
  /** Astro's YAML reader refused the frontmatter: an error unless the corpus's own YAML reading reports one. */
  yamlError?: { offset: number; message: string };
}

/** What to do about the compiler's parse errors that authors meet most. */
const PARSE_HINTS: [RegExp, string][] = [
  [/closing tag for `<Finding>`/, 'end each <Finding> with </Finding> on a line of its own; findings cannot nest'],
  [/Unexpected closing tag/, 'remove the closing tag, or add the element it closes'],
  [/comment in MDX/, 'remove the comment; keep editorial notes in the pull request or an issue'],
  [/link in MDX/, 'write a link as [text](https://…); a < in text must be escaped as \\<'],
];

function parseErrorHint(message: string): string {
  return (
    PARSE_HINTS.find(([re]) => re.test(message))?.[1] ??
    'write Markdown; a < or { in text must be escaped as \\< or \\{'
  );
}

/** Scans a profile's MDX source. Pure: the same text always gives the same result. */
export function scanMdx(text: string): ScanResult {
  const input = compilerInput(text);
  const result: ScanResult = {
    frontmatter: input.frontmatter,
    bodyOffset: input.bodyOffset,
    findings: [],
    citations: [],
    crossRefs: [],
    mentions: [],
    problems: [],
    yamlError: input.yamlError,
    yamlTokens: input.refused,
  };
  if (input.error) {
    result.problems.push({ ...input.error, rule: 'syntax' });
    return result;
  }
  if (!input.frontmatter) {
    result.problems.push({
      offset: 0,
      rule: 'syntax',
      message: 'the file has no frontmatter',
      hint: 'start the file with a --- fenced YAML block holding title, scope and conclusions',
    });
  }
  // The parser drops a leading byte-order mark, so its offsets are one short of the file's.
  const shift = input.content.startsWith('\uFEFF') ? 1 : 0;
  const parsed = parseMdx(input.content);
  if ('error' in parsed) {
    const { offset, message } = parsed.error;
    result.problems.push({
      offset: offset + shift,
      rule: 'syntax',
      message: `MDX: ${message}`,
      hint: parseErrorHint(message),
    });
    return result;
  }
  const judged = judgeTree(parsed.tree, input.content.slice(shift), shift);
  result.findings = judged.findings;
  result.citations = judged.citations;
  result.crossRefs = judged.crossRefs.map(({ node: _, ...ref }) => ref);
  result.mentions = judged.mentions;
  result.problems.push(...judged.problems);
  return result;
}
