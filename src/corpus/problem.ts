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
  /** A conclusion given as the official text rests on the guidance only through other profiles' findings. */
  | 'borrowed-official-conclusion'
  | 'unknown-provision'
  | 'unknown-profile'
  | 'unknown-edition'
  | 'unknown-country'
  | 'duplicate-id'
  | 'edition-chain'
  | 'archive-mismatch'
  | 'unsafe-mdx'
  | 'orphan-source'
  | 'unknown-finding'
  | 'raw-finding-id'
  /** A file or folder name that is not a valid id (ids come from file names). */
  | 'invalid-file-name'
  /** A symlink or special file under content/, or an archive path leading out of content/archive/. */
  | 'unsafe-path'
  /** A file or folder that is not part of the content model. */
  | 'unknown-file'
  /** The file system refused to read a file or folder. */
  | 'unreadable-file'
  /** A content file that is not UTF-8 (or starts with a byte-order mark). */
  | 'invalid-encoding'
  /** A YAML date without quotes, which YAML tools turn into a timestamp. */
  | 'unquoted-date'
  /** A finding's asOf or a profile's lastUpdate later than its edition's publication. */
  | 'date-after-publication'
  /** A date after the day of the build (a source accessed or issued, an edition published in the future). */
  | 'future-date'
  /** A current conclusion resting only on evidence from before a turning point, or too old (a warning). */
  | 'stale-evidence'
  /** YAML beyond plain data: an anchor, alias, tag or merge key, or a key such as __proto__. */
  | 'unsafe-yaml'
  /** A file larger, or nested deeper, than content may be (src/corpus/content-limits.ts). */
  | 'content-limit'
  /** A control, bidirectional or (in ids and keys) invisible format character. */
  | 'unsafe-character'
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

/** From root cause to consequence: the checker itself, reading a file, its fields, what it refers to, and what
 * the corpus as a whole covers. */
export type Tier = 'checker' | 'parse' | 'fields' | 'references' | 'coverage';
const TIER_ORDER: Tier[] = ['checker', 'parse', 'fields', 'references', 'coverage'];

/**
 * Every rule's place in a report, in one table. `tier` ranks root causes before their consequences: a file that
 * cannot be read or parsed also loses its fields, findings and citations, so the errors that follow from it
 * (unknown-source, uncited-finding, unsupported-conclusion...) are listed after it within that file, whatever
 * their lines. `warnings` names the rule's warnings in one phrase, for the one-line summaries of a build.
 */
export const RULES: Record<Rule, { tier: Tier; warnings: string }> = {
  'check-failed': { tier: 'checker', warnings: 'checks that could not run' },
  syntax: { tier: 'parse', warnings: 'files that cannot be parsed' },
  'unsafe-mdx': { tier: 'parse', warnings: 'MDX beyond Markdown and <Finding>' },
  'invalid-file-name': { tier: 'parse', warnings: 'file or folder names that are not ids' },
  'unsafe-path': { tier: 'parse', warnings: 'links and special files under content/' },
  'unknown-file': { tier: 'parse', warnings: 'files outside the content model' },
  'unreadable-file': { tier: 'parse', warnings: 'files that cannot be read' },
  'invalid-encoding': { tier: 'parse', warnings: 'files that are not UTF-8' },
  'unsafe-yaml': { tier: 'parse', warnings: 'YAML beyond plain data' },
  'content-limit': { tier: 'parse', warnings: 'files too large or nested too deeply' },
  'unsafe-character': { tier: 'parse', warnings: 'control, bidirectional or invisible characters' },
  'unquoted-date': { tier: 'fields', warnings: 'dates written without quotes' },
  'date-after-publication': { tier: 'references', warnings: 'dates after their edition was published' },
  'future-date': { tier: 'fields', warnings: 'dates in the future' },
  'invalid-field': { tier: 'fields', warnings: 'fields with invalid values' },
  'duplicate-id': { tier: 'fields', warnings: 'ids defined twice' },
  'unknown-edition': { tier: 'references', warnings: 'profiles in a folder no edition matches' },
  'unknown-country': { tier: 'references', warnings: 'references to unknown countries' },
  'edition-chain': { tier: 'references', warnings: 'breaks in the chain of editions' },
  'unknown-source': { tier: 'references', warnings: 'citations of unknown sources' },
  'bad-locator': { tier: 'references', warnings: 'pinpoints outside their sources' },
  'source-after-cutoff': { tier: 'references', warnings: 'sources newer than their edition' },
  'unknown-provision': { tier: 'references', warnings: 'references to unknown provisions' },
  'unknown-profile': { tier: 'references', warnings: 'references to unknown profiles' },
  'archive-mismatch': { tier: 'references', warnings: 'archived copies that do not match their record' },
  'uncited-finding': { tier: 'coverage', warnings: 'findings without a citation' },
  'unsupported-conclusion': { tier: 'coverage', warnings: 'conclusions no finding supports' },
  'unsourced-official-conclusion': {
    tier: 'coverage',
    warnings: 'official conclusions not resting on the guidance itself',
  },
  'borrowed-official-conclusion': {
    tier: 'coverage',
    warnings: "official conclusions resting only on other profiles' findings",
  },
  'orphan-source': { tier: 'coverage', warnings: 'sources no finding cites' },
  'stale-evidence': { tier: 'coverage', warnings: 'current conclusions resting on evidence that may be out of date' },
  'unknown-finding': { tier: 'references', warnings: 'links to unknown findings' },
  'raw-finding-id': { tier: 'coverage', warnings: 'finding ids written as text instead of links' },
};

/** A rule's rank in reports, root causes first; a rule missing from RULES ranks with the references. */
export function causeRank(rule: Rule): number {
  return TIER_ORDER.indexOf(RULES[rule]?.tier ?? 'references');
}

/** A problem of a file that could not be read or parsed (or of the checker): everything else may follow from it. */
const isRootCause = (p: Problem) => causeRank(p.rule) <= TIER_ORDER.indexOf('parse');

/**
 * Orders problems root causes first: every file that cannot be read or parsed comes before any consequence, in any
 * file (a profile that does not parse loses its findings, so other profiles' conclusions fail too); then by file,
 * rank and position, so reports read top to bottom.
 */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      Number(isRootCause(b)) - Number(isRootCause(a)) ||
      a.file.localeCompare(b.file) ||
      causeRank(a.rule) - causeRank(b.rule) ||
      a.line - b.line ||
      a.column - b.column ||
      a.rule.localeCompare(b.rule),
  );
}

/**
 * Consequences told that a file could not be read: their own hint ("did you mean…", "that profile has no findings
 * yet") assumes that every file was read, which is not so while a root cause stands.
 */
export function noteRootCauses(problems: Problem[]): Problem[] {
  const roots = new Set(problems.filter((p) => p.severity === 'error' && isRootCause(p)).map((p) => p.file));
  if (!roots.size) return problems;
  const note = `first fix the ${count(roots.size, 'file')} listed first that could not be read (${[...roots].slice(0, 3).join(', ')}${roots.size > 3 ? ', …' : ''}), which may cause this; otherwise `;
  return problems.map((p) => (isRootCause(p) ? p : { ...p, hint: note + p.hint }));
}

/** One problem as `path:line:column  severity  rule  message` with the hint on the next line. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.severity}  ${p.rule}  ${p.message}\n    hint: ${p.hint}`;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** One line per rule with warnings: `30 warnings orphan-source: sources no finding cites; run npm run check ...`. */
export function summariseWarnings(warnings: Problem[]): string[] {
  const byRule = Map.groupBy(warnings, (p) => p.rule);
  return [...byRule.keys()]
    .sort((a, b) => causeRank(a) - causeRank(b) || a.localeCompare(b))
    .map((rule) => {
      const what = RULES[rule]?.warnings ?? 'see the list';
      return `${count(byRule.get(rule)!.length, 'warning')} ${rule}: ${what}; run npm run check for the list`;
    });
}

export interface ReportOptions {
  warnings?: 'list' | 'summary';
}

/**
 * The whole report: errors first, then warnings, ending with a count line. `warnings: 'summary'` (the build and the
 * dev server) gives one line per rule instead of every warning; `npm run check` lists them all.
 */
export function formatReport(problems: Problem[], { warnings: show = 'list' }: ReportOptions = {}): string {
  const errors = sortProblems(problems.filter((p) => p.severity === 'error'));
  const warnings = sortProblems(problems.filter((p) => p.severity !== 'error'));
  const warningLines = show === 'summary' ? summariseWarnings(warnings) : warnings.map(formatProblem);
  const lines = [...errors.map(formatProblem), ...warningLines];
  lines.push(`${count(errors.length, 'error')}, ${count(warnings.length, 'warning')}`);
  return lines.join('\n');
}

/** The error that stands in for a check, or a whole load, that threw: the content is not known to be good. */
export function checkFailed(file: string, what: string, error: unknown): Problem {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    file,
    line: 1,
    column: 1,
    severity: 'error',
    rule: 'check-failed',
    message: `${what} could not run: ${reason}`,
    hint: 'this is a bug in the checker; report it with the content that triggered it',
  };
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

/** A place in a content entry: the entry and a path to one of its fields (or an offset in its text). */
export interface Located {
  file: string;
  at(where: (string | number)[] | number): { line: number; column: number };
}

/** The one way a check builds a problem: a rule's finding at a field of an entry, with what to do about it. */
export function problemAt(
  entry: Located,
  where: (string | number)[] | number,
  rule: Rule,
  message: string,
  hint: string,
  severity: Problem['severity'] = 'error',
): Problem {
  return { file: entry.file, ...entry.at(where), severity, rule, message, hint };
}

/** An error about a whole file (its name, its place, its bytes), reported at its first line and column. */
export function fileProblem(file: string, rule: Rule, message: string, hint: string): Problem {
  return { file, line: 1, column: 1, severity: 'error', rule, message, hint };
}
