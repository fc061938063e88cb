import type { Corpus } from '../corpus/corpus.ts';
import type { Problem } from '../corpus/problem.ts';
import { officialConclusions } from './official-conclusions.ts';
import { OTHER_WAYS } from './unsourced-official-conclusion.ts';

/**
 * A conclusion given as the official text whose only support in the guidance is another profile's findings. A
 * finding recorded for another profile states what the guidance says about that profile (a Step 1 that names
 * evaders and deserters, a chapter that lists a militia): carrying it over is our reading, so the conclusion must
 * either rest on a passage recorded for this profile too, or say it is an inference. Conclusions with no
 * guidance citation at all are unsourced-official-conclusion's.
 */
export function checkBorrowedOfficialConclusion(c: Corpus): Problem[] {
  const problems: Problem[] = [];
  for (const { profile: p, key, guidance, citing } of officialConclusions(c)) {
    if (citing.length === 0 || citing.some((f) => f.own)) continue;
    const refs = citing.map((f) => f.ref).join(', ');
    problems.push({
      file: p.file,
      ...p.at(['conclusions', key]),
      severity: 'error',
      rule: 'borrowed-official-conclusion',
      message: `the ${key} conclusion is given as the official text, but only other profiles' findings (${refs}) cite @${guidance}: what it says about this profile is not recorded`,
      hint: `record the passage that states it for this profile as a finding of its own and list it in supportedBy, ${OTHER_WAYS}`,
    });
  }
  return problems;
}
