import type { Corpus } from '../corpus/corpus.ts';
import { checkLocator, parseLocator } from '../corpus/locator.ts';
import { didYouMean, problemAt, type Problem } from '../corpus/problem.ts';

/**
 * A country's turning points are checked like findings: each citation names a registered source with a pinpoint
 * that fits it, and the points stand in order of date with unique ids, since the evidence currency of every
 * conclusion (src/shared/evidence-currency.ts) is measured against them.
 */
export function checkTurningPoints(c: Corpus): Problem[] {
  const problems: Problem[] = [];
  const known = [...c.sources.keys()];
  for (const country of c.countries.values()) {
    const points = country.data?.turningPoints ?? [];
    const seen = new Set<string>();
    points.forEach((tp, i) => {
      const at = (...path: (string | number)[]) => ['turningPoints', i, ...path];
      if (seen.has(tp.id))
        problems.push(
          problemAt(
            country,
            at('id'),
            'duplicate-id',
            `turning point "${tp.id}" is defined twice`,
            'give each turning point its own id',
          ),
        );
      seen.add(tp.id);
      const before = points[i - 1];
      if (before && tp.date < before.date)
        problems.push(
          problemAt(
            country,
            at('date'),
            'invalid-field',
            `turning point "${tp.id}" (${tp.date}) comes after "${before.id}" (${before.date}) but is earlier`,
            'list turning points oldest first',
          ),
        );
      if (tp.until && tp.until < tp.date)
        problems.push(
          problemAt(
            country,
            at('until'),
            'invalid-field',
            `turning point "${tp.id}" ends before it starts`,
            'until is the last day, on or after date',
          ),
        );
      tp.citations.forEach((cite, j) => {
        const source = c.sources.get(cite.source);
        if (!source) {
          const hint = didYouMean(
            cite.source,
            known,
            'register the source as content/sources/<id>.yaml, or correct the id',
          );
          problems.push(
            problemAt(
              country,
              at('citations', j, 'source'),
              'unknown-source',
              `turning point "${tp.id}" cites an unknown source "${cite.source}"`,
              hint,
            ),
          );
          return;
        }
        if (!source.data) return; // an invalid source is reported by its own file
        const parsed = parseLocator(cite.locator);
        const found = parsed.ok ? checkLocator(parsed.parts, source.data.structure) : [parsed];
        for (const f of found)
          problems.push(
            problemAt(
              country,
              at('citations', j, 'locator'),
              'bad-locator',
              `turning point "${tp.id}", @${cite.source}${cite.locator ? `, ${cite.locator}` : ''}: ${f.message}`,
              f.hint,
            ),
          );
      });
    });
  }
  return problems;
}
