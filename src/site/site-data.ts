/**
 * What pages need from content beyond one entry: the checked corpus, current editions, and the citation graph
 * (which findings cite a source, which conclusions rest on those findings). Built once per build process.
 */
import { loadCorpus, type Corpus, type ProfileEntry } from '../corpus/corpus.ts';
import { contentDir } from '../corpus/content-dir.ts';
import { corpusInScope } from './page-scope.ts';
import { parseFindingRef, type ConclusionKey, type Edition } from '../schemas/content.ts';
import { currentProfileUrl, editionProfileUrl } from '../shared/urls.ts';

let corpus: Corpus | undefined;
let loadedVersion = -1;

// The content check (an integration) and the pages (a bundle of their own) are separate module instances; what
// both can see is a global: the corpus the check last published, and a version counter bumped with each.
const state = globalThis as typeof globalThis & { __cgContentVersion?: number; __cgCheckedCorpus?: Corpus };

/**
 * Publishes the corpus the content check just loaded, for the pages and every integration, so that a build reads
 * the content once; `undefined` after a check that found errors (the next reader loads the content itself).
 */
export function publishCheckedCorpus(checked: Corpus | undefined): void {
  state.__cgCheckedCorpus = checked;
  state.__cgContentVersion = (state.__cgContentVersion ?? 0) + 1;
}

/**
 * The corpus, loaded once per content version; for a page rendered in a scope, that scope (./page-scope.ts). A build
 * has already stopped if it has errors (integrations/content-check).
 */
export function getCorpus(): Corpus {
  const scoped = corpusInScope();
  if (scoped) return scoped;
  const version = state.__cgContentVersion ?? 0;
  if (!corpus || loadedVersion !== version) {
    const shared = state.__cgCheckedCorpus;
    corpus = shared && shared.contentDir === contentDir() ? shared : loadCorpus(contentDir());
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

/**
 * Pages published at two URLs as one: a current profile at its current URL and at its edition URL (ProfileView
 * renders both from the same props). Both paths map to the current URL; every other path to undefined.
 */
export function identicalPageKey(pathname: string, c: Corpus = getCorpus()): string | undefined {
  let keys = identicalPages.get(c);
  if (!keys) {
    keys = new Map();
    for (const p of c.profiles) {
      if (!p.data || currentEdition(c, p.country)?.id !== p.edition) continue;
      const current = currentProfileUrl(p.country, p.profile);
      keys.set(current, current).set(editionProfileUrl(p.country, p.edition, p.profile), current);
    }
    identicalPages.set(c, keys);
  }
  return keys.get(pathname);
}
const identicalPages = new WeakMap<Corpus, Map<string, string>>();

/** The edition that followed `editionId`, if any. */
export function nextEdition(c: Corpus, editionId: string): { id: string; data: Edition } | undefined {
  const next = c.editions.get(editionId)?.data?.supersededBy;
  const data = next ? c.editions.get(next)?.data : undefined;
  return next && data ? { id: next, data } : undefined;
}

/** The edition that `editionId` replaced, if any. */
export function previousEdition(c: Corpus, editionId: string): { id: string; data: Edition } | undefined {
  const prev = [...c.editions.values()].find((e) => e.data?.supersededBy === editionId);
  return prev?.data ? { id: prev.id, data: prev.data } : undefined;
}

/**
 * Lookups of valid profiles by id, by edition and by country and profile, built once per corpus. Every page asks
 * several of these; searching the whole corpus for each made the build quadratic in the number of profiles.
 */
interface ProfileIndex {
  byId: Map<string, ProfileEntry>;
  /** "edition|profile" */
  inEdition: Map<string, ProfileEntry>;
  /** In display order. */
  ofEdition: Map<string, ProfileEntry[]>;
  /** "country/profile", newest edition first. */
  versions: Map<string, ProfileEntry[]>;
}
const indexes = new WeakMap<Corpus, ProfileIndex>();

function profileIndex(c: Corpus): ProfileIndex {
  const cached = indexes.get(c);
  if (cached) return cached;
  const index: ProfileIndex = { byId: new Map(), inEdition: new Map(), ofEdition: new Map(), versions: new Map() };
  for (const p of c.profiles) {
    if (!p.data) continue;
    if (!index.byId.has(p.id)) index.byId.set(p.id, p);
    const key = `${p.edition}|${p.profile}`;
    if (!index.inEdition.has(key)) index.inEdition.set(key, p);
    const edition = index.ofEdition.get(p.edition) ?? [];
    edition.push(p);
    index.ofEdition.set(p.edition, edition);
    const versions = index.versions.get(`${p.country}/${p.profile}`) ?? [];
    versions.push(p);
    index.versions.set(`${p.country}/${p.profile}`, versions);
  }
  for (const list of index.ofEdition.values())
    list.sort((a, b) => a.data!.order - b.data!.order || a.data!.title.localeCompare(b.data!.title));
  for (const list of index.versions.values()) list.sort((a, b) => b.month.localeCompare(a.month));
  indexes.set(c, index);
  return index;
}

/** A valid profile by its id ("country/yyyy-mm/profile"). */
export function profileById(c: Corpus, id: string): ProfileEntry | undefined {
  return profileIndex(c).byId.get(id);
}

/** One profile as it stands in one edition, if that edition has it (and it is valid). */
export function profileIn(c: Corpus, editionId: string | undefined, profileId: string): ProfileEntry | undefined {
  return profileIndex(c).inEdition.get(`${editionId}|${profileId}`);
}

/** Every edition's version of one profile, newest first. */
export function versionsOf(c: Corpus, country: string, profileId: string): ProfileEntry[] {
  return [...(profileIndex(c).versions.get(`${country}/${profileId}`) ?? [])];
}

/** A profile's name across editions: the title of its newest version, so that every page names it the same way. */
export function profileTitle(c: Corpus, country: string, profileId: string): string {
  return versionsOf(c, country, profileId)[0]?.data?.title ?? profileId;
}

/** Profiles of one edition, in display order. */
export function profilesOf(c: Corpus, editionId: string): ProfileEntry[] {
  return [...(profileIndex(c).ofEdition.get(editionId) ?? [])];
}

/** A finding that cites a source, with the conclusions (of any profile in its edition) that rest on it. */
export interface Reliance {
  profile: ProfileEntry;
  /** The finding the citations stand in; absent for citations in the profile's other text (reasoning, scope). */
  finding?: { id: string; title: string; text: string };
  locators: string[];
  /** Conclusions resting on the finding (none for citations outside findings). */
  conclusions: { profile: ProfileEntry; key: ConclusionKey }[];
}

type Resting = Reliance['conclusions'];

/**
 * What relies on each source: every citation, in a finding (with the conclusions resting on it) or elsewhere in a
 * profile's text: built in one pass and kept
 * with the corpus. Looking these up per page instead made source pages quadratic in the number of profiles
 * (measured by `npm run bench`).
 */
function reliancesBySource(c: Corpus): Map<string, Reliance[]> {
  const cached = graphs.get(c);
  if (cached) return cached;
  const findingKey = (edition: string, profile: string, finding: string) => `${edition}|${profile}#${finding}`;
  // Grouped in one pass each (Map.groupBy): building the lists by copying them per item was quadratic.
  const rests = c.profiles.flatMap((p) =>
    (Object.entries(p.data?.conclusions ?? {}) as [ConclusionKey, { supportedBy?: string[] }][]).flatMap(
      ([key, conclusion]) =>
        (conclusion.supportedBy ?? []).map((ref) => {
          const { profile, finding } = parseFindingRef(ref, p.profile);
          return { at: findingKey(p.edition, profile, finding), profile: p, key };
        }),
    ),
  );
  const resting: Map<string, Resting> = new Map(
    [...Map.groupBy(rests, (r) => r.at)].map(([at, list]) => [at, list.map(({ profile, key }) => ({ profile, key }))]),
  );
  // Every citation counts: those in a finding go with it, the rest (reasoning, scope) with the profile itself.
  const all = c.profiles.flatMap((p) =>
    [...Map.groupBy(p.scan.citations, (cluster) => cluster.findingId ?? '')].flatMap(([findingId, clusters]) => {
      const f = findingId ? p.scan.findings.find((x) => x.id === findingId) : undefined;
      const locators = Map.groupBy(
        clusters.flatMap((cl) => cl.items),
        (item) => item.key,
      );
      return [...locators].map(([source, items]) => ({
        source,
        reliance: {
          profile: p,
          ...(f ? { finding: { id: f.id, title: f.title ?? f.id, text: f.text } } : {}),
          locators: items.map((i) => i.locator),
          conclusions: f ? (resting.get(findingKey(p.edition, p.profile, f.id)) ?? []) : [],
        } satisfies Reliance,
      }));
    }),
  );
  const bySource = new Map(
    [...Map.groupBy(all, (r) => r.source)].map(([source, list]) => [source, list.map((r) => r.reliance as Reliance)]),
  );
  for (const list of bySource.values())
    list.sort(
      (a, b) =>
        b.profile.month.localeCompare(a.profile.month) ||
        a.profile.profile.localeCompare(b.profile.profile) ||
        Number(!a.finding) - Number(!b.finding),
    );
  graphs.set(c, bySource);
  return bySource;
}
const graphs = new WeakMap<Corpus, Map<string, Reliance[]>>();

/** Everything that relies on a source, across editions, newest edition first. */
export function reliancesOn(c: Corpus, sourceId: string): Reliance[] {
  return reliancesBySource(c).get(sourceId) ?? [];
}

/**
 * The title of a finding named in a conclusion's supportedBy (`id`, or `other-profile#id` in the same edition); the id
 * itself when the finding cannot be found, which the checks report.
 */
export function findingTitle(c: Corpus, p: ProfileEntry, ref: string): string {
  const { finding, findingId } = resolveFinding(c, p, ref);
  return finding?.title ?? findingId;
}

/**
 * A conclusion's finding reference ("finding" or "other-profile#finding", read by parseFindingRef) resolved within
 * the profile's edition: the profile and the finding it names, where they exist (a missing one is the checks' to
 * report).
 */
export function resolveFinding(c: Corpus, p: ProfileEntry, ref: string) {
  const { profile: profileId, finding: findingId } = parseFindingRef(ref, p.profile);
  const profile = profileId === p.profile ? p : profileIn(c, p.edition, profileId);
  return { profileId, findingId, profile, finding: profile?.scan.findings.find((f) => f.id === findingId) };
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
    (
      Object.entries(p.data!.conclusions ?? {}) as [
        ConclusionKey,
        { status?: string; why?: string; wouldSettle?: string },
      ][]
    )
      .filter(([, v]) => v.status === 'not-known')
      .map(([key, v]) => ({ profile: p, key, why: v.why!, wouldSettle: v.wouldSettle! })),
  );
}
