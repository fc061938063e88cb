import type { Corpus, Entry, ProfileEntry } from '../corpus/corpus.ts';
import type { Edition } from '../schemas/content.ts';
import { parseFindingRef, type AnyConclusion, type ConclusionKey } from '../schemas/content.ts';

/** A conclusion given as the official text, with what it rests on in the edition's guidance. */
export interface OfficialConclusion {
  profile: ProfileEntry;
  edition: Entry<Edition>;
  key: ConclusionKey;
  /** The edition's guidance source (`basedOn`), if it names one. */
  guidance: string | undefined;
  /** Supporting findings that cite the guidance with a pinpoint; `own` when the finding is the profile's own. */
  citing: { ref: string; own: boolean }[];
}

/**
 * Every conclusion given as the official text (the default `knownFrom`), for the rules that hold such conclusions
 * to the guidance: one reading of `supportedBy` and of the citations behind it. Profiles in an edition that is
 * missing or invalid are left to the edition rules.
 */
export function officialConclusions(c: Corpus): OfficialConclusion[] {
  const byId = new Map(c.profiles.map((p) => [p.id, p]));
  const out: OfficialConclusion[] = [];
  for (const p of c.profiles) {
    if (!p.data?.conclusions) continue;
    const edition = c.editions.get(p.edition);
    if (!edition?.data) continue;
    const guidance = edition.data.basedOn;
    for (const [key, conclusion] of Object.entries(p.data.conclusions) as [ConclusionKey, AnyConclusion][]) {
      if ('status' in conclusion || conclusion.knownFrom !== 'official-text') continue;
      const citing = conclusion.supportedBy.flatMap((ref) => {
        const { profile, finding, own } = parseFindingRef(ref, p.profile);
        const found = byId.get(`${p.country}/${p.month}/${profile}`)?.scan.findings.find((f) => f.id === finding);
        const cites = found?.citations.some((cl) =>
          cl.items.some((i) => i.key === guidance && i.locator.trim() !== ''),
        );
        return guidance && cites ? [{ ref, own }] : [];
      });
      out.push({ profile: p, edition, key, guidance, citing });
    }
  }
  return out;
}
