/**
 * What pages need from content beyond one entry: the checked corpus, current editions, and the citation graph
 * (which findings cite a source, which conclusions rest on those findings). Built once per build process.
 */
import { loadCorpus, type Corpus, type ProfileEntry } from './corpus.ts';
import { contentDir } from './content-dir.ts';
import type { ConclusionKey, Edition } from '../schemas/content.ts';

let corpus: Corpus | undefined;
let loadedVersion = -1;

// The dev server's content watcher and the pages run in separate module instances; a global counter is what
// both can see.
const state = globalThis as typeof globalThis & { __cgContentVersion?: number };

/** Marks the content as changed, so that the next page render in `astro dev` reloads it. */
export function bumpContentVersion(): void {
  state.__cgContentVersion = (state.__cgContentVersion ?? 0) + 1;
}

/** The corpus, loaded once per content version. A build has already stopped if it has errors (integrations/content-check). */
export function getCorpus(): Corpus {
  const version = state.__cgContentVersion ?? 0;
  if (!corpus || loadedVersion !== version) {
    corpus = loadCorpus(contentDir());
    loadedVersion = version;
  }
  return corpus;
}

/** Editions of a country, newest first. */
export function editionsOf(c: Corpus, country: string): { id: string; data: Edition }[] {
  return [...c.editions.values()]
    .flatMap((e) => (e.data && e.data.country === country ? [{ id: e.id, data: e.data }] : []))
    .sort((a, b) => b.data.published.localeCompare(a.data.published));
}

/** The edition in force for a country: the one nothing supersedes. */
export function currentEdition(c: Corpus, country: string): { id: string; data: Edition } | undefined {
  return editionsOf(c, country).find((e) => !e.data.supersededBy);
}

/** The edition that followed `editionId`, if any. */
export function nextEdition(c: Corpus, editionId: string): { id: string; data: Edition } | undefined {
  const next = c.editions.get(editionId)?.data?.supersededBy;
  const data = next ? c.editions.get(next)?.data : undefined;
  return next && data ? { id: next, data } : undefined;
}

/** Profiles of one edition, in display order. */
export function profilesOf(c: Corpus, editionId: string): ProfileEntry[] {
  return c.profiles
    .filter((p) => p.edition === editionId && p.data)
    .sort((a, b) => (a.data!.order - b.data!.order) || a.data!.title.localeCompare(b.data!.title));
}

/** A finding that cites a source, with the conclusions (of any profile in its edition) that rest on it. */
export interface Reliance {
  profile: ProfileEntry;
  findingId: string;
  findingText: string;
  locators: string[];
  conclusions: { profile: ProfileEntry; key: ConclusionKey }[];
}

/** Which conclusions rest on a finding: `supportedBy` entries naming it, from its own or a sibling profile. */
export function conclusionsResting(c: Corpus, profile: ProfileEntry, findingId: string): { profile: ProfileEntry; key: ConclusionKey }[] {
  const result: { profile: ProfileEntry; key: ConclusionKey }[] = [];
  for (const other of c.profiles) {
    if (other.edition !== profile.edition || !other.data?.conclusions) continue;
    for (const [key, conclusion] of Object.entries(other.data.conclusions) as [ConclusionKey, { supportedBy?: string[] }][]) {
      const refs = conclusion.supportedBy ?? [];
      const named = refs.some((ref) => (ref.includes('#') ? ref === `${profile.profile}#${findingId}` : other === profile && ref === findingId));
      if (named) result.push({ profile: other, key });
    }
  }
  return result;
}

/** Everything that relies on a source, across editions, newest edition first. */
export function reliancesOn(c: Corpus, sourceId: string): Reliance[] {
  const out: Reliance[] = [];
  for (const p of c.profiles) {
    for (const f of p.scan.findings) {
      const locators = f.citations.flatMap((cl) => cl.items.filter((i) => i.key === sourceId).map((i) => i.locator));
      if (!locators.length) continue;
      out.push({ profile: p, findingId: f.id, findingText: f.text, locators, conclusions: conclusionsResting(c, p, f.id) });
    }
  }
  return out.sort((a, b) => b.profile.month.localeCompare(a.profile.month) || a.profile.profile.localeCompare(b.profile.profile));
}

/** Sources cited anywhere in a profile, in order of first citation. */
export function sourcesCitedIn(p: ProfileEntry): string[] {
  return [...new Set(p.scan.citations.flatMap((cl) => cl.items.map((i) => i.key)))];
}

/** A conclusion recorded as not known, with where it is. */
export interface Gap {
  profile: ProfileEntry;
  key: ConclusionKey;
  why: string;
  wouldSettle: string;
}

/** Every "not known" conclusion in an edition. */
export function gapsOf(c: Corpus, editionId: string): Gap[] {
  return profilesOf(c, editionId).flatMap((p) =>
    (Object.entries(p.data!.conclusions ?? {}) as [ConclusionKey, { status?: string; why?: string; wouldSettle?: string }][])
      .filter(([, v]) => v.status === 'not-known')
      .map(([key, v]) => ({ profile: p, key, why: v.why!, wouldSettle: v.wouldSettle! })),
  );
}
