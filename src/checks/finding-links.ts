/**
 * Cross-references from prose to findings (content-gate/xrefs.ts): a link to a finding that does not exist is an
 * error (the compiler's gate refuses it too, by the same rule); a finding id written out as raw text in prose is a
 * warning, since a link named by the finding's title says what the id only points at.
 */
import type { Corpus, ProfileEntry } from '../corpus/corpus.ts';
import { didYouMean, type Problem } from '../corpus/problem.ts';
import { crossRefUrl, findingKey, targetPath } from '../content-gate/xrefs.ts';

/** `country/month/profile` of a profile entry. */
export const pathOf = (p: ProfileEntry) => `${p.country}/${p.month}/${p.profile}`;

/** Every finding of the corpus by key (`country/month/profile#id`) → its title. */
export function findingTitles(c: Corpus): Map<string, string> {
  return new Map(c.profiles.flatMap((p) => p.scan.findings.map((f) => [findingKey(pathOf(p), f.id), f.title ?? f.id])));
}

/** What is said of a link to no finding, here and by the compiler's gate. */
export function unknownFindingLink(from: string, ref: { profile?: string; id: string }, titles: Map<string, string>) {
  const target = targetPath(from, ref);
  const ids = [...titles.keys()].filter((k) => k.startsWith(`${target}#`)).map((k) => k.slice(target.length + 1));
  const where = ref.profile ? `the ${ref.profile} profile of this edition` : 'this profile';
  return {
    rule: 'unknown-finding',
    message: `link to finding "${ref.id}", which ${where} does not have`,
    hint: ids.length
      ? didYouMean(ref.id, ids, `link one of its findings: ${ids.slice(0, 5).join(', ')}`)
      : `no profile "${ref.profile}" in this edition: link [](../<profile>/#finding-<id>) with a profile it has`,
  } as const;
}

export function checkFindingLinks(c: Corpus): Problem[] {
  const titles = findingTitles(c);
  const siblingWith = siblingsWith(c);
  const problems: Problem[] = [];
  for (const p of c.profiles) {
    const from = pathOf(p);
    for (const ref of p.scan.crossRefs) {
      if (titles.has(findingKey(targetPath(from, ref), ref.id))) continue;
      problems.push({ file: p.file, ...p.at(ref.offset), severity: 'error', ...unknownFindingLink(from, ref, titles) });
    }
    for (const m of p.scan.mentions) {
      const profile = m.profile ?? (titles.has(findingKey(from, m.id)) ? undefined : siblingWith(p, m.id));
      if (!titles.has(findingKey(targetPath(from, { profile }), m.id))) continue;
      problems.push({
        file: p.file,
        ...p.at(m.offset),
        severity: 'warning',
        rule: 'raw-finding-id',
        message: `finding id "${m.profile ? `${m.profile}#` : ''}${m.id}" written as text`,
        hint: `link it, named by the finding's title: [](${crossRefUrl(m.id, profile === p.profile ? undefined : profile)})`,
      });
    }
  }
  return problems;
}

/**
 * The first profile (in corpus order) of an edition with a finding of a given id, indexed once: searching every
 * profile for each id-like word of the prose made the check quadratic in the number of profiles.
 */
function siblingsWith(c: Corpus): (p: ProfileEntry, id: string) => string | undefined {
  const first = new Map<string, string>();
  for (const q of c.profiles)
    for (const f of q.scan.findings) {
      const key = `${q.edition}|${f.id}`;
      if (!first.has(key)) first.set(key, q.profile);
    }
  return (p, id) => first.get(`${p.edition}|${id}`);
}
