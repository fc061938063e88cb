import type { Corpus } from '../lib/corpus.ts';
import { didYouMean, type Problem } from '../lib/problem.ts';

/**
 * Editions of a country must form one chain: each `supersededBy` points at a later edition of the same country,
 * no edition is replaced twice, there is no loop, and exactly one edition is current.
 */
export function checkEditionChain(c: Corpus): Problem[] {
  const problems: Problem[] = [];
  const replacedBy = new Map<string, string>();
  for (const e of c.editions.values()) {
    const d = e.data;
    if (!d) continue;
    if (d.supersededBy && !d.supersededOn) problems.push({ file: e.file, ...e.at(['supersededBy']), severity: 'error', rule: 'edition-chain', message: 'supersededBy is set but supersededOn is missing', hint: 'add supersededOn: the date the next edition was published' });
    if (d.supersededOn && !d.supersededBy) problems.push({ file: e.file, ...e.at(['supersededOn']), severity: 'error', rule: 'edition-chain', message: 'supersededOn is set but supersededBy is missing', hint: 'name the edition that replaced this one in supersededBy' });
    if (!d.supersededBy) continue;
    const next = c.editions.get(d.supersededBy);
    if (!next) {
      problems.push({ file: e.file, ...e.at(['supersededBy']), severity: 'error', rule: 'edition-chain', message: `supersededBy points to "${d.supersededBy}", which does not exist`, hint: didYouMean(d.supersededBy, [...c.editions.keys()].filter((k) => k !== e.id), 'name an existing edition file (without .yaml)') });
      continue;
    }
    if (next.data && next.data.country !== d.country) problems.push({ file: e.file, ...e.at(['supersededBy']), severity: 'error', rule: 'edition-chain', message: `supersededBy points to an edition of another country (${next.data.country})`, hint: 'an edition can only be replaced by an edition of the same country' });
    if (next.data && next.data.published <= d.published) problems.push({ file: e.file, ...e.at(['supersededBy']), severity: 'error', rule: 'edition-chain', message: `supersededBy points to ${d.supersededBy}, published no later than this edition`, hint: 'an edition can only be replaced by a later one' });
    const other = replacedBy.get(d.supersededBy);
    if (other) problems.push({ file: e.file, ...e.at(['supersededBy']), severity: 'error', rule: 'edition-chain', message: `${d.supersededBy} already replaces ${other}`, hint: 'each edition replaces only the one before it' });
    replacedBy.set(d.supersededBy, e.id);
  }
  // Loops: follow each chain; a walk longer than the number of editions must have come back on itself.
  for (const e of c.editions.values()) {
    let id: string | undefined = e.id;
    const seen = new Set<string>();
    while (id && !seen.has(id)) {
      seen.add(id);
      id = c.editions.get(id)?.data?.supersededBy;
    }
    if (id === e.id) problems.push({ file: e.file, ...e.at(['supersededBy']), severity: 'error', rule: 'edition-chain', message: `the editions form a loop: ${[...seen].join(' → ')} → ${e.id}`, hint: 'the newest edition must have no supersededBy' });
  }
  const countries = new Set([...c.editions.values()].flatMap((e) => (e.data ? [e.data.country] : [])));
  for (const country of countries) {
    const current = [...c.editions.values()].filter((e) => e.data?.country === country && !e.data.supersededBy);
    if (current.length > 1) {
      for (const e of current.slice(0, -1)) problems.push({ file: e.file, line: 1, column: 1, severity: 'error', rule: 'edition-chain', message: `${country} has ${current.length} current editions (${current.map((x) => x.id).join(', ')})`, hint: 'set supersededBy and supersededOn on every edition but the newest' });
    }
  }
  return problems;
}
