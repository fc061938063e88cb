import type { Corpus } from '../corpus/corpus.ts';
import type { Problem } from '../corpus/problem.ts';

/** A finding carries no citation: every COI statement must trace to a source. */
export function checkUncitedFinding(c: Corpus): Problem[] {
  return c.profiles.flatMap((p) =>
    p.scan.findings
      .filter((f) => f.citations.length === 0)
      .map((f): Problem => ({
        file: p.file,
        ...p.at(f.offset),
        severity: 'error',
        rule: 'uncited-finding',
        message: `finding "${f.id}" has no citation`,
        hint: 'cite the source of the fact inside the finding, e.g. [@source-id, sec. 4.2.3]',
      })),
  );
}
