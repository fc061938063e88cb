/** Problems found in content, and how they are reported: like a linter, one line each with a hint. */
import { distance } from 'fastest-levenshtein';

export type Rule =
  | 'syntax'
  | 'invalid-field'
  | 'unknown-source'
  | 'bad-locator'
  | 'source-after-cutoff'
  | 'uncited-finding'
  | 'unsupported-conclusion'
  /** A conclusion given as the official text rests on no pinpointed citation to the edition's guidance. */
  | 'unsourced-official-conclusion'
  | 'unknown-provision'
  | 'unknown-profile'
  | 'unknown-edition'
  | 'unknown-country'
  | 'duplicate-id'
  | 'edition-chain'
  | 'archive-mismatch'
  | 'unsafe-mdx'
  | 'orphan-source'
  /** A check crashed: the content is not known to be good. */
  | 'check-failed';

export interface Problem {
  /** Path relative to the project root. */
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  rule: Rule;
  message: string;
  /** How to fix it. */
  hint: string;
}

/** Orders problems by file, then position, so reports read top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

/** One problem as `path:line:column  severity  rule  message` with the hint on the next line. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.severity}  ${p.rule}  ${p.message}\n    hint: ${p.hint}`;
}

/** The whole report, ending with a count line. */
export function formatReport(problems: Problem[]): string {
  const sorted = sortProblems(problems);
  const errors = sorted.filter((p) => p.severity === 'error').length;
  const warnings = sorted.length - errors;
  const lines = sorted.map(formatProblem);
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return lines.join('\n');
}

/** The known ids closest to a mistyped one, best first, for "did you mean" hints. */
export function nearest(id: string, known: Iterable<string>, max = 3): string[] {
  return [...known]
    .map((k) => ({ k, d: distance(id, k) - (k.includes(id) || id.includes(k) ? 2 : 0) }))
    .filter(({ k, d }) => d <= Math.max(3, Math.floor(k.length / 2)))
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, max)
    .map(({ k }) => k);
}

/** A hint naming the nearest ids, or a fallback when none is close. */
export function didYouMean(id: string, known: Iterable<string>, fallback: string): string {
  const close = nearest(id, known);
  return close.length ? `did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : fallback;
}
