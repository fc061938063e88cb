/**
 * The search filters and result metadata of each kind of page, computed from the corpus, and the full list of filter
 * values the search page offers. One place decides both, so a box ticked on /search/ always matches a page.
 */
import type { Corpus, ProfileEntry } from '../corpus/corpus.ts';
import { currentEdition, editionsOf, versionsOf } from './site-data.ts';
import { formatDate } from '../shared/dates.ts';
import { RISK_LABEL, conclusionsLine } from '../shared/labels.ts';
import {
  FACETS,
  KIND,
  RISK_NOT_KNOWN,
  SOURCE_WEIGHT,
  SUPERSEDED_WEIGHT,
  type FacetKey,
  type PageFilters,
  type PageMeta,
  type Status,
} from '../shared/search-facets.ts';

/** What a page declares to the index. */
export interface PageSearchData {
  filters: PageFilters;
  meta: PageMeta;
}

const statusOf = (c: Corpus, country: string, editionId: string): Status =>
  currentEdition(c, country)?.id === editionId ? 'current' : 'superseded';

/** The name a profile goes by in the filter: its title in the newest edition that has it. */
export function profileLabel(c: Corpus, country: string, profileId: string): string {
  return versionsOf(c, country, profileId)[0]?.data?.title ?? profileId;
}

/** The risk-level filter value of a profile, if it draws conclusions. */
function riskOf(p: ProfileEntry): string | undefined {
  const risk = p.data?.conclusions?.risk;
  if (!risk) return undefined;
  return 'status' in risk ? RISK_NOT_KNOWN : RISK_LABEL[risk.level];
}

/** A profile page, as it stood in its edition. */
export function profileSearchData(c: Corpus, p: ProfileEntry): PageSearchData {
  const edition = c.editions.get(p.edition)!.data!;
  const country = c.countries.get(p.country)!.data!.name;
  const status = statusOf(c, p.country, p.edition);
  return {
    filters: {
      kind: KIND.profile,
      country,
      profile: profileLabel(c, p.country, p.profile),
      edition: edition.label,
      status,
      risk: riskOf(p),
    },
    meta: {
      kind: KIND.profile,
      country,
      edition: edition.label,
      status,
      date: `Last updated ${formatDate(p.data!.lastUpdate)}`,
      profile: p.data!.title,
      answer: p.data!.conclusions ? conclusionsLine(p.data!.conclusions) : undefined,
    },
  };
}

/** An edition overview. */
export function editionSearchData(c: Corpus, editionId: string): PageSearchData {
  const e = c.editions.get(editionId)!.data!;
  const country = c.countries.get(e.country)!.data!.name;
  const status = statusOf(c, e.country, editionId);
  return {
    filters: { kind: KIND.edition, country, edition: e.label, status },
    meta: { kind: KIND.edition, country, edition: e.label, status, date: `Published ${formatDate(e.published)}` },
  };
}

/** A country page: always about the current guidance. */
export function countrySearchData(c: Corpus, countryId: string): PageSearchData {
  const country = c.countries.get(countryId)!.data!.name;
  const current = currentEdition(c, countryId);
  return {
    filters: {
      kind: KIND.country,
      country,
      ...(current ? { edition: current.data.label, status: 'current' as const } : {}),
    },
    meta: {
      kind: KIND.country,
      country,
      ...(current
        ? {
            edition: current.data.label,
            status: 'current' as const,
            date: `Current edition published ${formatDate(current.data.published)}`,
          }
        : {}),
    },
  };
}

/**
 * The current URL of a profile the current edition no longer has. It has no status, so "current guidance only" still
 * finds it, and it sends the reader to the superseded versions, each labelled.
 */
export function retiredProfileSearchData(c: Corpus, countryId: string, profileId: string): PageSearchData {
  const country = c.countries.get(countryId)!.data!.name;
  return {
    filters: { kind: KIND.profile, country, profile: profileLabel(c, countryId, profileId) },
    meta: { kind: KIND.profile, country },
  };
}

/** The edition of guidance a source is the text of (an edition's `basedOn`) or a part of (`partOfEdition`), if any. */
function editionPublishedAs(c: Corpus, sourceId: string) {
  const part = c.sources.get(sourceId)?.data?.partOfEdition;
  return [...c.editions.entries()].find(([id, e]) => e.data && (e.data.basedOn === sourceId || id === part));
}

/**
 * A registered source. One that is the text of an edition of guidance carries that edition's status, so a superseded
 * edition's document is labelled superseded and left out of "current guidance only", like the edition's profiles.
 * Its short citation and number are declared too, so "EUAA CG Syria Dec 2025" or "C-238/19" finds it.
 */
export function sourceSearchData(c: Corpus, sourceId: string): PageSearchData {
  const s = c.sources.get(sourceId)!.data!;
  const cite = [s.shortTitle, s.number].filter(Boolean).join(' · ');
  const published = editionPublishedAs(c, sourceId);
  if (!published)
    return {
      filters: { kind: KIND.source },
      meta: { kind: KIND.source, date: `Published ${formatDate(s.issued)}`, cite },
    };
  const [editionId, e] = published;
  const country = c.countries.get(e.data!.country)?.data?.name;
  const status = statusOf(c, e.data!.country, editionId);
  return {
    filters: { kind: KIND.source, country, edition: e.data!.label, status },
    meta: {
      kind: KIND.source,
      country,
      edition: e.data!.label,
      status,
      date: `Published ${formatDate(s.issued)}`,
      cite,
    },
  };
}

/**
 * Ranking weight of a source page: below guidance (for the same words a profile, which answers the question, ranks
 * above the documents it rests on), and lower still for a superseded edition's document.
 */
export function sourceSearchWeight(c: Corpus, sourceId: string): number {
  const published = editionPublishedAs(c, sourceId);
  return published && statusOf(c, published[1].data!.country, published[0]) === 'superseded'
    ? SUPERSEDED_WEIGHT
    : SOURCE_WEIGHT;
}

/** A legal provision, or the list of provisions. */
export function lawSearchData(): PageSearchData {
  return { filters: { kind: KIND.law }, meta: { kind: KIND.law } };
}

/** The source register. */
export function sourceRegisterSearchData(): PageSearchData {
  return { filters: { kind: KIND.source }, meta: { kind: KIND.source } };
}

/**
 * What the search page needs to tell which profile or edition a query names (shared/search-names.ts), keyed by the
 * filter value: a profile's name is the words of its id ("draft evaders"); an edition is current or not.
 */
export function searchVocabulary(c: Corpus): { names: Map<string, string>; current: Set<string> } {
  const names = new Map<string, string>();
  for (const p of c.profiles)
    if (p.data) names.set(profileLabel(c, p.country, p.profile), p.profile.replace(/-/g, ' '));
  const current = new Set([...c.countries.keys()].flatMap((id) => currentEdition(c, id)?.data.label ?? []));
  return { names, current };
}

/** Every value each filter can take, in the order the search page lists them. */
export function facetOptions(c: Corpus): Record<FacetKey, string[]> {
  const countries = [...c.countries.entries()]
    .flatMap(([id, e]) => (e.data ? [{ id, name: e.data.name }] : []))
    .sort((a, b) => a.name.localeCompare(b.name));
  const profiles = countries.flatMap(({ id }) => {
    const ids = [...new Set(c.profiles.filter((p) => p.country === id && p.data).map((p) => p.profile))];
    const order = (pid: string) => versionsOf(c, id, pid)[0].data!.order;
    return ids
      .sort((a, b) => order(a) - order(b) || profileLabel(c, id, a).localeCompare(profileLabel(c, id, b)))
      .map((pid) => profileLabel(c, id, pid));
  });
  const editions = countries.flatMap(({ id }) => editionsOf(c, id).map((e) => e.data.label));
  const risks = [...Object.values(RISK_LABEL), RISK_NOT_KNOWN].filter((label) =>
    c.profiles.some((p) => riskOf(p) === label),
  );
  const options: Record<FacetKey, string[]> = {
    kind: Object.values(KIND),
    country: countries.map((x) => x.name),
    profile: [...new Set(profiles)],
    edition: [...new Set(editions)],
    risk: risks,
  };
  return Object.fromEntries(FACETS.map((f) => [f.key, options[f.key]])) as Record<FacetKey, string[]>;
}
