import type { Corpus } from '../corpus/corpus.ts';
import { didYouMean, type Problem } from '../corpus/problem.ts';

/** A profile lists a related profile that its edition does not have. */
export function checkUnknownProfile(c: Corpus): Problem[] {
  const problems: Problem[] = [];
  // Grouped once: filtering the corpus for every profile made the check quadratic in the number of profiles.
  const byEdition = new Map(
    [...Map.groupBy(c.profiles, (o) => o.edition)].map(([edition, ps]) => [edition, ps.map((o) => o.profile)]),
  );
  const known = new Map([...byEdition].map(([edition, ids]) => [edition, new Set(ids)]));
  for (const p of c.profiles) {
    const siblings = byEdition.get(p.edition)!;
    p.data?.related.forEach((id, i) => {
      if (known.get(p.edition)!.has(id) && id !== p.profile) return;
      problems.push({
        file: p.file,
        ...p.at(['related', i]),
        severity: 'error',
        rule: 'unknown-profile',
        message:
          id === p.profile
            ? 'a profile cannot be related to itself'
            : `related names "${id}", but edition ${p.edition} has no such profile`,
        hint: didYouMean(
          id,
          siblings.filter((s) => s !== p.profile),
          `profiles in this edition: ${siblings.join(', ')}`,
        ),
      });
    });
  }
  return problems;
}
