import type { Corpus } from '../corpus/corpus.ts';
import { checkLocator, parseLocator } from '../corpus/locator.ts';
import type { Problem } from '../corpus/problem.ts';

/** A pinpoint cannot be read, or points outside the cited source's structure (page 40 of 13, section IX of VIII). */
export function checkBadLocator(c: Corpus): Problem[] {
  const problems: Problem[] = [];
  for (const p of c.profiles) {
    for (const cluster of p.scan.citations) {
      for (const item of cluster.items) {
        const source = c.sources.get(item.key);
        if (!source?.data) continue; // unknown or invalid sources are reported by their own rules
        const parsed = parseLocator(item.locator);
        const found = parsed.ok ? checkLocator(parsed.parts, source.data.structure) : [parsed];
        for (const f of found) {
          problems.push({
            file: p.file,
            ...p.at(item.offset),
            severity: 'error',
            rule: 'bad-locator',
            message: `@${item.key}${item.locator ? `, ${item.locator}` : ''}: ${f.message}`,
            hint: f.hint,
          });
        }
      }
    }
  }
  return problems;
}
