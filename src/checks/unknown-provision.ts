import type { Corpus } from '../corpus/corpus.ts';
import { didYouMean, problemAt, type Problem } from '../corpus/problem.ts';

/** Every citable provision id: articles (`qd-9`) and their parts (`qd-9-2-e`). */
export function provisionIds(c: Corpus): Set<string> {
  const ids = new Set<string>();
  for (const [id, e] of c.provisions) {
    ids.add(id);
    for (const part of e.data?.parts ?? []) ids.add(`${id}-${part.id}`);
  }
  return ids;
}

/** A conclusion names a provision, or a provision names a counterpart, that content/law/ does not hold. */
export function checkUnknownProvision(c: Corpus): Problem[] {
  const known = provisionIds(c);
  const problems: Problem[] = [];
  const hint = (id: string) =>
    didYouMean(id, known, "add the article to content/law/, or its part to the article's parts");
  for (const p of c.profiles) {
    const persecution = p.data?.conclusions?.persecution;
    if (!persecution || 'status' in persecution) continue;
    persecution.provisions.forEach((id, i) => {
      if (!known.has(id))
        problems.push({
          file: p.file,
          ...p.at(['conclusions', 'persecution', 'provisions', i]),
          severity: 'error',
          rule: 'unknown-provision',
          message: `unknown provision "${id}"`,
          hint: hint(id),
        });
    });
  }
  for (const e of c.provisions.values()) {
    const to = e.data?.correspondsTo;
    if (to && !c.provisions.has(to))
      problems.push(
        problemAt(
          e,
          ['correspondsTo'],
          'unknown-provision',
          `correspondsTo names an unknown provision "${to}"`,
          hint(to),
        ),
      );
  }
  return problems;
}
