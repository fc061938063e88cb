/**
 * The comparison a superseded profile links as "what changed since this edition": from its version to the current
 * one. The compare pages cover every pair of a profile's versions (comparisonPairs), so this URL always has a page.
 */
import type { Corpus, ProfileEntry } from '../corpus/corpus.ts';
import { comparisonSlug } from './compare-editions.ts';
import { currentEdition, profileIn } from './site-data.ts';
import { compareUrl } from '../shared/urls.ts';

/** The URL of the comparison with the current version, or undefined for a current or retired profile. */
export function changesSinceUrl(c: Corpus, profile: ProfileEntry): string | undefined {
  const current = currentEdition(c, profile.country);
  if (!current || current.id === profile.edition) return undefined;
  const now = profileIn(c, current.id, profile.profile);
  return now ? compareUrl(profile.country, profile.profile, comparisonSlug(profile, now)) : undefined;
}
