import type { Corpus } from '../corpus/corpus.ts';
import { conclusionEvidence } from '../site/conclusion-evidence.ts';
import { problemAt, type Problem } from '../corpus/problem.ts';
import { CONCLUSION_KEYS } from '../schemas/content.ts';
import { staleReason } from '../shared/labels.ts';

/**
 * A conclusion of a current edition whose findings all predate the country's latest turning point before the
 * edition's date, or are all older than the country's limit then, and which does not say why it still stands
 * (`evidenceNote`). A warning: the conclusion may be right, but it needs a reason or a new look.
 */
export function checkStaleEvidence(c: Corpus): Problem[] {
  const problems: Problem[] = [];
  for (const p of c.profiles) {
    const edition = c.editions.get(p.edition)?.data;
    if (!edition || edition.supersededBy || !p.data?.conclusions) continue;
    const points = c.countries.get(p.country)?.data?.turningPoints ?? [];
    for (const key of CONCLUSION_KEYS) {
      const e = conclusionEvidence(c, p, key);
      if (!e?.stale || e.note) continue;
      problems.push(
        problemAt(
          p,
          ['conclusions', key],
          'stale-evidence',
          `the ${key} conclusion ${staleReason(e.stale, points)}`,
          'cite a finding from after it, or say in evidenceNote why the conclusion still stands (e.g. the official text itself relies on that evidence)',
          'warning',
        ),
      );
    }
  }
  return problems;
}
