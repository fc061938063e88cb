/**
 * The evidence currency of each conclusion in the corpus: its findings (own and cross-profile) resolved to their
 * `asOf`, measured against its country's turning points at its edition's date (src/shared/evidence-currency.ts).
 */
import type { Corpus, ProfileEntry } from '../corpus/corpus.ts';
import { resolveFinding } from './site-data.ts';
import { CONCLUSION_KEYS, type AnyConclusion, type ConclusionKey, type TurningPointEntry } from '../schemas/content.ts';
import { evidenceSpan, staleness, type EvidenceSpan, type Staleness } from '../shared/evidence-currency.ts';

export interface ConclusionEvidence {
  span: EvidenceSpan;
  stale: Staleness;
  /** The conclusion's own reason for standing on older evidence, if it gives one. */
  note?: string;
  /** The country's turning points, to name those the span refers to. */
  points: TurningPointEntry[];
}

/** The `asOf` of every finding a conclusion rests on that can be found (missing ones are reported by the checks). */
function asOfsOf(c: Corpus, p: ProfileEntry, refs: string[]): string[] {
  return refs.flatMap((ref) => {
    const { finding } = resolveFinding(c, p, ref);
    return finding?.asOf ? [finding.asOf] : [];
  });
}

/**
 * Each conclusion's evidence, kept with the corpus: a conclusion is shown on its profile page, the profile's history,
 * every comparison that includes it (twice each), the review and the open data, and was measured again each time.
 */
const measured = new WeakMap<Corpus, WeakMap<ProfileEntry, Map<ConclusionKey, ConclusionEvidence | null>>>();

/** One conclusion's evidence, or null when it is not known or rests on no findings. */
export function conclusionEvidence(c: Corpus, p: ProfileEntry, key: ConclusionKey): ConclusionEvidence | null {
  let ofCorpus = measured.get(c);
  if (!ofCorpus) measured.set(c, (ofCorpus = new WeakMap()));
  let ofProfile = ofCorpus.get(p);
  if (!ofProfile) ofCorpus.set(p, (ofProfile = new Map()));
  if (!ofProfile.has(key)) ofProfile.set(key, measure(c, p, key));
  return ofProfile.get(key)!;
}

function measure(c: Corpus, p: ProfileEntry, key: ConclusionKey): ConclusionEvidence | null {
  const conclusion = p.data?.conclusions?.[key] as AnyConclusion | undefined;
  const edition = c.editions.get(p.edition)?.data;
  const country = c.countries.get(p.country)?.data;
  if (!conclusion || 'status' in conclusion || !edition || !country) return null;
  const points = country.turningPoints;
  const span = evidenceSpan(asOfsOf(c, p, conclusion.supportedBy), points, edition.published);
  if (!span) return null;
  const stale = staleness(span, points, edition.published, country.staleAfterMonths);
  return { span, stale, points, ...(conclusion.evidenceNote ? { note: conclusion.evidenceNote } : {}) };
}

/** Every conclusion's evidence in a profile, by key (absent where there is none). */
export function profileEvidence(c: Corpus, p: ProfileEntry): Partial<Record<ConclusionKey, ConclusionEvidence>> {
  return Object.fromEntries(
    CONCLUSION_KEYS.flatMap((key) => {
      const e = conclusionEvidence(c, p, key);
      return e ? [[key, e]] : [];
    }),
  );
}
