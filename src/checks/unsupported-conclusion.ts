import type { Corpus } from '../corpus/corpus.ts';
import { didYouMean, type Problem } from '../corpus/problem.ts';
import { parseFindingRef, type AnyConclusion, type ConclusionKey } from '../schemas/content.ts';

/** Conclusions that must rest on findings; exclusion is a prompt to examine and may stand alone. */
const MUST_BE_SUPPORTED: ConclusionKey[] = ['persecution', 'risk', 'nexus'];

/**
 * A conclusion names no finding, or a finding that does not exist. `other-profile#finding` names a finding of
 * another profile in the same edition; a missing profile there is reported as unknown-profile.
 */
export function checkUnsupportedConclusion(c: Corpus): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(c.profiles.map((p) => [p.id, p]));
  for (const p of c.profiles) {
    if (!p.data?.conclusions) continue;
    for (const [key, conclusion] of Object.entries(p.data.conclusions) as [ConclusionKey, AnyConclusion][]) {
      if ('status' in conclusion) continue;
      const refs = conclusion.supportedBy;
      if (refs.length === 0 && MUST_BE_SUPPORTED.includes(key)) {
        problems.push({
          file: p.file,
          ...p.at(['conclusions', key]),
          severity: 'error',
          rule: 'unsupported-conclusion',
          message: `the ${key} conclusion names no supporting finding`,
          hint: 'list the findings it rests on in supportedBy, or record it as status: not-known with why and wouldSettle',
        });
      }
      refs.forEach((ref, index) => {
        const { profile: profileId, finding: findingId } = parseFindingRef(ref, p.profile);
        const target = byId.get(`${p.country}/${p.month}/${profileId}`);
        // Located only when reported: locating parses the frontmatter again, with positions.
        const at = () => p.at(['conclusions', key, 'supportedBy', index]);
        if (!target) {
          const siblings = c.profiles.filter((o) => o.edition === p.edition).map((o) => o.profile);
          problems.push({
            file: p.file,
            ...at(),
            severity: 'error',
            rule: 'unknown-profile',
            message: `${key}.supportedBy names "${ref}", but this edition has no profile "${profileId}"`,
            hint: didYouMean(profileId, siblings, `profiles in this edition: ${siblings.join(', ')}`),
          });
          return;
        }
        const ids = target.scan.findings.map((f) => f.id);
        if (!ids.includes(findingId)) {
          problems.push({
            file: p.file,
            ...at(),
            severity: 'error',
            rule: 'unsupported-conclusion',
            message: `${key}.supportedBy names "${ref}", but ${target === p ? 'this profile' : `profile "${profileId}"`} has no such finding`,
            hint: didYouMean(
              findingId,
              ids,
              ids.length ? `findings there: ${ids.join(', ')}` : 'that profile has no findings yet',
            ),
          });
        }
      });
    }
  }
  return problems;
}
