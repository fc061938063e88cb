/** A finding's title: what names it wherever it is listed. */
import type { GateProblem, ScannedFinding } from './judge.ts';

/** Longest title a finding may have: it names the finding in lists and links, so it must stay short. */
export const MAX_FINDING_TITLE = 80;

/** A finding's title is required (it names the finding wherever it is listed) and short. */
export function titleProblems(f: ScannedFinding): GateProblem[] {
  const hint =
    'write title="…", a few words saying what the finding establishes, e.g. title="Deserters detained after amnesties"';
  if (f.title === undefined)
    return [{ offset: f.offset, rule: 'syntax', message: `finding "${f.id}" has no title`, hint }];
  const title = f.title.trim();
  if (!title)
    return [{ offset: f.attrOffsets.title, rule: 'syntax', message: `finding "${f.id}" has an empty title`, hint }];
  if (title.length > MAX_FINDING_TITLE) {
    return [
      {
        offset: f.attrOffsets.title,
        rule: 'syntax',
        message: `the title of finding "${f.id}" has ${title.length} characters; at most ${MAX_FINDING_TITLE}`,
        hint: "shorten it: the finding's text says the rest",
      },
    ];
  }
  return [];
}
