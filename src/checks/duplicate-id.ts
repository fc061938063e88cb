import type { Corpus } from '../corpus/corpus.ts';
import type { Problem } from '../corpus/problem.ts';

/** Two findings of one profile share an id, so an anchor or a `supportedBy` would be ambiguous. */
export function checkDuplicateId(c: Corpus): Problem[] {
  const problems: Problem[] = [];
  for (const p of c.profiles) {
    const seen = new Map<string, number>();
    for (const f of p.scan.findings) {
      const first = seen.get(f.id);
      if (first !== undefined) {
        problems.push({
          file: p.file,
          ...p.at(f.attrOffsets.id ?? f.offset),
          severity: 'error',
          rule: 'duplicate-id',
          message: `finding id "${f.id}" is already used on line ${p.at(first).line}`,
          hint: 'give each finding its own id; ids become permanent anchors',
        });
      } else seen.set(f.id, f.offset);
    }
  }
  return problems;
}
