import type { Corpus } from '../corpus/corpus.ts';
import { didYouMean, type Problem } from '../corpus/problem.ts';
import { explainBadId } from '../schemas/id.ts';
import { showInvisible } from '../corpus/text-rules.ts';

const FALLBACK = 'register the source as content/sources/<id>.yaml, or correct the id';

/** What is said of a citation naming no registered source, here and by the compiler's gate. */
export function unknownCitation(key: string, known: string[]) {
  return {
    rule: 'unknown-source',
    // A key that is not an id says why, naming the character: a zero-width space is otherwise invisible here.
    message: `citation names an unknown source "@${showInvisible(key)}"${((why) => (why ? ` (${showInvisible(why)})` : ''))(explainBadId(key))}`,
    hint: didYouMean(key, known, FALLBACK),
  } as const;
}

/** A citation, an edition's `basedOn` or a provision's `source` names no registered source. */
export function checkUnknownSource(c: Corpus): Problem[] {
  const known = [...c.sources.keys()];
  const problems: Problem[] = [];
  for (const p of c.profiles) {
    for (const cluster of p.scan.citations) {
      for (const item of cluster.items) {
        if (c.sources.has(item.key)) continue;
        problems.push({ file: p.file, ...p.at(item.offset), severity: 'error', ...unknownCitation(item.key, known) });
      }
    }
  }
  const named = [
    ...[...c.editions.values()].map((e) => ({ e, field: 'basedOn', id: e.data?.basedOn })),
    ...[...c.provisions.values()].map((e) => ({ e, field: 'source', id: e.data?.source })),
  ];
  for (const { e, field, id } of named) {
    if (id && !c.sources.has(id)) {
      problems.push({
        file: e.file,
        ...e.at([field]),
        severity: 'error',
        rule: 'unknown-source',
        message: `${field} names an unknown source "${id}"`,
        hint: didYouMean(id, known, FALLBACK),
      });
    }
  }
  return problems;
}
