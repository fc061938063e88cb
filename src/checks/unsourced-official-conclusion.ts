import type { Corpus, ProfileEntry } from '../lib/corpus.ts';
import type { Problem } from '../lib/problem.ts';
import { parseFindingRef, type AnyConclusion, type ConclusionKey } from '../schemas/content.ts';
import type { ScannedFinding } from '../lib/mdx-scan.ts';

/**
 * A conclusion given as the official text (the default `knownFrom`) must rest on a finding that cites the
 * edition's own guidance (`basedOn`) with a pinpoint: otherwise "official" is a claim nobody can check. A
 * conclusion known another way says so with `knownFrom` and `basis` instead. Unknown findings and profiles in
 * `supportedBy` are reported by unsupported-conclusion and unknown-profile.
 */
export function checkUnsourcedOfficialConclusion(c: Corpus): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(c.profiles.map((p) => [p.id, p]));
  const findingOf = (p: ProfileEntry, ref: string): ScannedFinding | undefined => {
    const { profile: profileId, finding: findingId } = parseFindingRef(ref, p.profile);
    return byId.get(`${p.country}/${p.month}/${profileId}`)?.scan.findings.find((f) => f.id === findingId);
  };
  for (const p of c.profiles) {
    if (!p.data?.conclusions) continue;
    const edition = c.editions.get(p.edition);
    if (!edition?.data) continue; // a missing or invalid edition is reported by its own rules
    const guidance = edition.data.basedOn;
    for (const [key, conclusion] of Object.entries(p.data.conclusions) as [ConclusionKey, AnyConclusion][]) {
      if ('status' in conclusion || conclusion.knownFrom !== 'official-text') continue;
      // Located only when reported: locating parses the frontmatter again, with positions.
      const at = () => p.at(['conclusions', key]);
      const otherWays =
        'or, if it is not taken from the official text, set knownFrom (press-release, secondary or inference) and name the statement in basis';
      if (!guidance) {
        problems.push({
          file: p.file,
          ...at(),
          severity: 'error',
          rule: 'unsourced-official-conclusion',
          message: `the ${key} conclusion is given as the official text, but edition ${p.edition} names no guidance source`,
          hint: `register the guidance and set basedOn in ${edition.file}, ${otherWays}`,
        });
        continue;
      }
      const cited = conclusion.supportedBy.some((ref) =>
        findingOf(p, ref)?.citations.some((cl) => cl.items.some((i) => i.key === guidance && i.locator.trim() !== '')),
      );
      if (!cited) {
        problems.push({
          file: p.file,
          ...at(),
          severity: 'error',
          rule: 'unsourced-official-conclusion',
          message: `the ${key} conclusion is given as the official text, but none of its supporting findings cites @${guidance} with a pinpoint`,
          hint: `cite the passage that states it, e.g. [@${guidance}, sec. 4.2], in a finding listed in supportedBy, ${otherWays}`,
        });
      }
    }
  }
  return problems;
}
