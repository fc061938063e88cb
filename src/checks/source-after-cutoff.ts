import type { Corpus } from '../corpus/corpus.ts';
import { earliestDay, formatDate } from '../shared/dates.ts';
import type { Problem } from '../corpus/problem.ts';

/**
 * A profile cites a source published after its edition's `sourcesUpTo` date: the edition could not have relied on
 * it. A source dated only by month or year counts from the first day it could mean, so only what is provably late
 * is rejected.
 */
export function checkSourceAfterCutoff(c: Corpus): Problem[] {
  const problems: Problem[] = [];
  for (const p of c.profiles) {
    const edition = c.editions.get(p.edition)?.data;
    if (!edition) continue;
    for (const cluster of p.scan.citations) {
      for (const item of cluster.items) {
        const source = c.sources.get(item.key)?.data;
        if (!source || earliestDay(source.issued) <= edition.sourcesUpTo) continue;
        problems.push({
          file: p.file,
          ...p.at(item.offset),
          severity: 'error',
          rule: 'source-after-cutoff',
          message: `@${item.key} was published ${formatDate(source.issued)}, after this edition's sources cut-off (${formatDate(edition.sourcesUpTo)})`,
          hint: 'cite it in a later edition, or cite a source this edition could rely on',
        });
      }
    }
  }
  return problems;
}
