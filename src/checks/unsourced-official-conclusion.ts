import type { Corpus } from '../corpus/corpus.ts';
import type { Problem } from '../corpus/problem.ts';
import { officialConclusions } from './official-conclusions.ts';

/** How to say where a conclusion comes from when it is not the official text; shared by the official-text rules. */
export const OTHER_WAYS =
  'or, if it is not taken from the official text, set knownFrom (press-release, secondary or inference) and name the statement in basis';

/**
 * A conclusion given as the official text (the default `knownFrom`) must rest on a finding that cites the
 * edition's own guidance (`basedOn`) with a pinpoint: otherwise "official" is a claim nobody can check. A
 * conclusion known another way says so with `knownFrom` and `basis` instead. Unknown findings and profiles in
 * `supportedBy` are reported by unsupported-conclusion and unknown-profile.
 */
export function checkUnsourcedOfficialConclusion(c: Corpus): Problem[] {
  const problems: Problem[] = [];
  for (const { profile: p, edition, key, guidance, citing } of officialConclusions(c)) {
    if (citing.length > 0) continue;
    // Located only when reported: locating parses the frontmatter again, with positions.
    const at = p.at(['conclusions', key]);
    problems.push(
      guidance
        ? {
            file: p.file,
            ...at,
            severity: 'error',
            rule: 'unsourced-official-conclusion',
            message: `the ${key} conclusion is given as the official text, but none of its supporting findings cites @${guidance} with a pinpoint`,
            hint: `cite the passage that states it, e.g. [@${guidance}, sec. 4.2], in a finding listed in supportedBy, ${OTHER_WAYS}`,
          }
        : {
            file: p.file,
            ...at,
            severity: 'error',
            rule: 'unsourced-official-conclusion',
            message: `the ${key} conclusion is given as the official text, but edition ${p.edition} names no guidance source`,
            hint: `register the guidance and set basedOn in ${edition.file}, ${OTHER_WAYS}`,
          },
    );
  }
  return problems;
}
