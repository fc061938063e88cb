import type { Corpus, Entry } from '../corpus/corpus.ts';
import { didYouMean, problemAt, type Problem } from '../corpus/problem.ts';
import type { Edition } from '../schemas/content.ts';

type Report = (e: Entry<Edition>, path: string[], message: string, hint: string) => void;

/** Each edition's own link to the next: both fields or neither, an existing later edition of the same country. */
function checkLinks(c: Corpus, report: Report): void {
  const replacedBy = new Map<string, string>();
  for (const e of c.editions.values()) {
    const d = e.data;
    if (!d) continue;
    if (d.supersededBy && !d.supersededOn) {
      report(
        e,
        ['supersededBy'],
        'supersededBy is set but supersededOn is missing',
        'add supersededOn: the date the next edition was published',
      );
    }
    if (d.supersededOn && !d.supersededBy) {
      report(
        e,
        ['supersededOn'],
        'supersededOn is set but supersededBy is missing',
        'name the edition that replaced this one in supersededBy',
      );
    }
    if (!d.supersededBy) continue;
    const next = c.editions.get(d.supersededBy);
    if (!next) {
      const others = [...c.editions.keys()].filter((k) => k !== e.id);
      report(
        e,
        ['supersededBy'],
        `supersededBy points to "${d.supersededBy}", which does not exist`,
        didYouMean(d.supersededBy, others, 'name an existing edition file (without .yaml)'),
      );
      continue;
    }
    if (next.data && next.data.country !== d.country) {
      report(
        e,
        ['supersededBy'],
        `supersededBy points to an edition of another country (${next.data.country})`,
        'an edition can only be replaced by an edition of the same country',
      );
    }
    if (next.data && next.data.published <= d.published) {
      report(
        e,
        ['supersededBy'],
        `supersededBy points to ${d.supersededBy}, published no later than this edition`,
        'an edition can only be replaced by a later one',
      );
    }
    const other = replacedBy.get(d.supersededBy);
    if (other)
      report(
        e,
        ['supersededBy'],
        `${d.supersededBy} already replaces ${other}`,
        'each edition replaces only the one before it',
      );
    replacedBy.set(d.supersededBy, e.id);
  }
}

/** Loops: follow each chain; a walk that comes back to where it started is a loop. */
function checkLoops(c: Corpus, report: Report): void {
  for (const e of c.editions.values()) {
    let id: string | undefined = e.id;
    const seen = new Set<string>();
    while (id && !seen.has(id)) {
      seen.add(id);
      id = c.editions.get(id)?.data?.supersededBy;
    }
    if (id === e.id)
      report(
        e,
        ['supersededBy'],
        `the editions form a loop: ${[...seen].join(' → ')} → ${e.id}`,
        'the newest edition must have no supersededBy',
      );
  }
}

/** Exactly one current edition per country. */
function checkOneCurrent(c: Corpus, problems: Problem[]): void {
  const countries = new Set([...c.editions.values()].flatMap((e) => (e.data ? [e.data.country] : [])));
  for (const country of countries) {
    const current = [...c.editions.values()].filter((e) => e.data?.country === country && !e.data.supersededBy);
    if (current.length < 2) continue;
    const message = `${country} has ${current.length} current editions (${current.map((x) => x.id).join(', ')})`;
    const hint = 'set supersededBy and supersededOn on every edition but the newest';
    for (const e of current.slice(0, -1))
      problems.push({ file: e.file, line: 1, column: 1, severity: 'error', rule: 'edition-chain', message, hint });
  }
}

/**
 * Editions of a country must form one chain: each `supersededBy` points at a later edition of the same country,
 * no edition is replaced twice, there is no loop, and exactly one edition is current.
 */
export function checkEditionChain(c: Corpus): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (e, path, message, hint) => problems.push(problemAt(e, path, 'edition-chain', message, hint));
  checkLinks(c, report);
  checkLoops(c, report);
  checkOneCurrent(c, problems);
  return problems;
}
