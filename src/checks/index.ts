/** Every content check, run together so that one run reports every problem. */
import { relative } from 'node:path';
import { loadCorpus, type Corpus, type ProfileParseCache } from '../corpus/corpus.ts';
import { checkFailed, noteRootCauses, sortProblems, type Problem } from '../corpus/problem.ts';
import { checkArchiveMismatch } from './archive-mismatch.ts';
import { checkBorrowedOfficialConclusion } from './borrowed-official-conclusion.ts';
import { checkBadLocator } from './bad-locator.ts';
import { checkDateAfterPublication } from './date-after-publication.ts';
import { checkDuplicateId } from './duplicate-id.ts';
import { checkEditionChain } from './edition-chain.ts';
import { checkFindingLinks } from './finding-links.ts';
import { checkFutureDate } from './future-date.ts';
import { checkOrphanSource } from './orphan-source.ts';
import { checkTurningPoints } from './turning-points.ts';
import { checkStaleEvidence } from './stale-evidence.ts';
import { checkSourceAfterCutoff } from './source-after-cutoff.ts';
import { checkUncitedFinding } from './uncited-finding.ts';
import { checkUnknownEdition } from './unknown-edition.ts';
import { checkUnknownProfile } from './unknown-profile.ts';
import { checkUnknownProvision } from './unknown-provision.ts';
import { checkUnknownSource } from './unknown-source.ts';
import { checkUnsupportedConclusion } from './unsupported-conclusion.ts';
import { checkUnsourcedOfficialConclusion } from './unsourced-official-conclusion.ts';

/** The checks in the order their problems are best read; syntax, schema and unsafe-mdx come from loading. */
export const CHECKS: ((c: Corpus) => Problem[])[] = [
  checkUnknownEdition,
  checkEditionChain,
  checkUnknownSource,
  checkBadLocator,
  checkTurningPoints,
  checkSourceAfterCutoff,
  checkDateAfterPublication,
  checkFutureDate,
  checkUncitedFinding,
  checkDuplicateId,
  checkFindingLinks,
  checkUnsupportedConclusion,
  checkUnsourcedOfficialConclusion,
  checkBorrowedOfficialConclusion,
  checkUnknownProfile,
  checkUnknownProvision,
  checkArchiveMismatch,
  checkOrphanSource,
  checkStaleEvidence,
];

/** Runs every check over a loaded corpus. A check that throws is itself reported as an error, never skipped. */
export function runChecks(c: Corpus): Problem[] {
  const problems = [...c.problems];
  for (const check of CHECKS) {
    try {
      problems.push(...check(c));
    } catch (error) {
      problems.push(checkFailed(relative(process.cwd(), c.contentDir) || '.', `the check ${check.name}`, error));
    }
  }
  return sortProblems(noteRootCauses(problems));
}

/** Loads and checks a content folder in one call; `cache` holds profile parses of earlier builds. */
export function checkContent(
  contentDir: string,
  root = process.cwd(),
  cache?: ProfileParseCache,
): { corpus: Corpus; problems: Problem[] } {
  const corpus = loadCorpus(contentDir, root, cache);
  return { corpus, problems: runChecks(corpus) };
}
