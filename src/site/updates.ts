/** The list of updates: every edition, newest first, with what it changed, and every profile it changed. */
import { comparisonSlug } from './compare-editions.ts';
import type { Corpus } from '../corpus/corpus.ts';
import { compareUrl } from '../shared/urls.ts';
import { versionsOf } from './site-data.ts';

export interface Update {
  country: string;
  editionId: string;
  title: string;
  published: string;
  supersededOn?: string;
  summary: string;
  changes: string[];
}

/** Every valid edition as an update, newest first. */
export function updates(c: Corpus): Update[] {
  return [...c.editions.values()]
    .flatMap((e) =>
      e.data
        ? [
            {
              country: e.data.country,
              editionId: e.id,
              title: e.data.title,
              published: e.data.published,
              supersededOn: e.data.supersededOn,
              summary: e.data.summary,
              changes: e.data.changes,
            },
          ]
        : [],
    )
    .sort((a, b) => b.published.localeCompare(a.published) || a.editionId.localeCompare(b.editionId));
}

/** One profile's change in one edition, with the comparison that shows it. */
export interface ProfileUpdate {
  country: string;
  editionId: string;
  editionLabel: string;
  profile: string;
  title: string;
  published: string;
  changes: { kind: 'added' | 'revised' | 'removed' | 'unchanged-note'; what: string }[];
  /** The comparison with the profile's previous version. */
  compareHref: string;
  previousLabel: string;
}

/** Every profile version that has a previous version and records what changed, newest edition first. */
export function profileUpdates(c: Corpus): ProfileUpdate[] {
  const list: ProfileUpdate[] = [];
  for (const p of c.profiles) {
    const edition = c.editions.get(p.edition)?.data;
    if (!p.data || !edition || !p.data.changes.length) continue;
    const previous = versionsOf(c, p.country, p.profile).find((q) => q.month < p.month);
    if (!previous) continue;
    list.push({
      country: p.country,
      editionId: p.edition,
      editionLabel: edition.label,
      profile: p.profile,
      title: p.data.title,
      published: edition.published,
      changes: p.data.changes,
      compareHref: compareUrl(p.country, p.profile, comparisonSlug(previous, p)),
      previousLabel: c.editions.get(previous.edition)?.data?.label ?? previous.month,
    });
  }
  return list.sort((a, b) => b.published.localeCompare(a.published) || a.title.localeCompare(b.title));
}
