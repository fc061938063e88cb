import type { Corpus } from '../corpus/corpus.ts';
import type { Problem } from '../corpus/problem.ts';

/** Ids of sources something relies on: citations, editions' `basedOn`, provisions' `source`, turning points. */
export function citedSourceIds(c: Corpus): Set<string> {
  const ids = new Set<string>();
  for (const p of c.profiles)
    for (const cluster of p.scan.citations) for (const item of cluster.items) ids.add(item.key);
  for (const e of c.editions.values()) if (e.data?.basedOn) ids.add(e.data.basedOn);
  for (const e of c.provisions.values()) if (e.data) ids.add(e.data.source);
  for (const e of c.countries.values())
    for (const tp of e.data?.turningPoints ?? []) for (const cite of tp.citations) ids.add(cite.source);
  return ids;
}

/** A registered source that nothing cites (a warning: harmless, but the register should stay lean). */
export function checkOrphanSource(c: Corpus): Problem[] {
  const cited = citedSourceIds(c);
  return [...c.sources.values()]
    .filter((s) => !cited.has(s.id))
    .map((s): Problem => ({
      file: s.file,
      line: 1,
      column: 1,
      severity: 'warning',
      rule: 'orphan-source',
      message: `source "${s.id}" is cited nowhere`,
      hint: 'cite it where it supports a finding, or remove it from the register',
    }));
}
