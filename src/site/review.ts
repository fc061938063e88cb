/**
 * What a policy reviewer checks of a country's current edition, each list already sorted: conclusions whose
 * evidence is stale, "not known" conclusions, findings by age, sources read only in part or second-hand that
 * current conclusions rest on, and sources no finding cites. The review page and the open data read this.
 */
import type { Corpus, ProfileEntry } from '../corpus/corpus.ts';
import { conclusionEvidence, type ConclusionEvidence } from './conclusion-evidence.ts';
import { currentEdition, gapsOf, profilesOf, resolveFinding, type Gap } from './site-data.ts';
import { CONCLUSION_KEYS, type ConclusionKey, type Edition } from '../schemas/content.ts';
import { earliestDay } from '../shared/dates.ts';

export interface StaleConclusion {
  profile: ProfileEntry;
  key: ConclusionKey;
  evidence: ConclusionEvidence;
}

export interface DatedFinding {
  profile: ProfileEntry;
  id: string;
  title: string;
  asOf: string;
}

export interface SourceUse {
  id: string;
  shortTitle: string;
  access: 'partly-read' | 'secondary';
  /** How many conclusions of the edition rest on a finding citing it. */
  conclusions: number;
}

export interface Review {
  edition: { id: string; data: Edition };
  stale: StaleConclusion[];
  notKnown: Gap[];
  /** Oldest first. */
  findingsByAge: DatedFinding[];
  /** Second-hand first, then by how many conclusions rest on them. */
  partlyRead: SourceUse[];
  /** Sources no finding of any edition cites, by id. */
  uncited: string[];
}

/** Sources cited by the findings each conclusion rests on, counted once per conclusion. */
function conclusionsPerSource(c: Corpus, profiles: ProfileEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of profiles)
    for (const key of CONCLUSION_KEYS) {
      const v = p.data?.conclusions?.[key];
      if (!v || 'status' in v) continue;
      const sources = new Set<string>();
      for (const ref of v.supportedBy) {
        const { profile, findingId } = resolveFinding(c, p, ref);
        for (const cl of profile?.scan.citations ?? [])
          if (cl.findingId === findingId) for (const i of cl.items) sources.add(i.key);
      }
      for (const s of sources) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
  return counts;
}

/** Each country's review, kept with the corpus: the review page asks for it to be listed, then to be shown. */
const reviews = new WeakMap<Corpus, Map<string, Review | null>>();

/** The review of a country's current edition, or null when it has none. */
export function reviewOf(c: Corpus, country: string): Review | null {
  let ofCorpus = reviews.get(c);
  if (!ofCorpus) reviews.set(c, (ofCorpus = new Map()));
  if (!ofCorpus.has(country)) ofCorpus.set(country, review(c, country));
  return ofCorpus.get(country)!;
}

function review(c: Corpus, country: string): Review | null {
  const edition = currentEdition(c, country);
  if (!edition) return null;
  const profiles = profilesOf(c, edition.id);
  const stale = profiles.flatMap((p) =>
    CONCLUSION_KEYS.flatMap((key) => {
      const evidence = conclusionEvidence(c, p, key);
      return evidence?.stale ? [{ profile: p, key, evidence }] : [];
    }),
  );
  const findingsByAge = profiles
    .flatMap((p) => p.scan.findings.map((f) => ({ profile: p, id: f.id, title: f.title ?? f.id, asOf: f.asOf })))
    .sort(
      (a, b) =>
        earliestDay(a.asOf).localeCompare(earliestDay(b.asOf)) ||
        a.profile.profile.localeCompare(b.profile.profile) ||
        a.id.localeCompare(b.id),
    );
  const partlyRead = [...conclusionsPerSource(c, profiles)].flatMap(([id, conclusions]): SourceUse[] => {
    const s = c.sources.get(id)?.data;
    return s && s.access !== 'read' ? [{ id, shortTitle: s.shortTitle, access: s.access, conclusions }] : [];
  });
  partlyRead.sort(
    (a, b) =>
      (a.access === b.access ? 0 : a.access === 'secondary' ? -1 : 1) ||
      b.conclusions - a.conclusions ||
      a.id.localeCompare(b.id),
  );
  const inFindings = new Set(
    c.profiles.flatMap((p) =>
      p.scan.citations.filter((cl) => cl.findingId).flatMap((cl) => cl.items.map((i) => i.key)),
    ),
  );
  const uncited = [...c.sources.keys()].filter((id) => !inFindings.has(id)).sort();
  return { edition, stale, notKnown: gapsOf(c, edition.id), findingsByAge, partlyRead, uncited };
}
