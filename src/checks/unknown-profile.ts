import type { Corpus } from '../lib/corpus.ts';
import { didYouMean, type Problem } from '../lib/problem.ts';

/** A profile lists a related profile that its edition does not have. */
export function checkUnknownProfile(c: Corpus): Problem[] {
  const problems: Problem[] = [];
  for (const p of c.profiles) {
    const siblings = c.profiles.filter((o) => o.edition === p.edition).map((o) => o.profile);
    p.data?.related.forEach((id, i) => {
      if (siblings.includes(id) && id !== p.profile) return;
      problems.push({
        file: p.file, ...p.at(['related', i]), severity: 'error', rule: 'unknown-profile',
        message: id === p.profile ? 'a profile cannot be related to itself' : `related names "${id}", but edition ${p.edition} has no such profile`,
        hint: didYouMean(id, siblings.filter((s) => s !== p.profile), `profiles in this edition: ${siblings.join(', ')}`),
      });
    });
  }
  return problems;
}
