/**
 * What a page of one profile may read. Most pages of the site belong to one profile: its version in each edition,
 * its current URL, its history and its comparisons (2,671 of 2,718 pages at 1,000 profiles). Each renders with a
 * corpus cut down to that profile's versions and the profiles they point to, and everything else the corpus holds
 * (countries, editions, sources, provisions). A page cannot read what its scope does not hold, so the scope's
 * inputs are all the corpus inputs the page has: a rebuild may reuse the page while they are unchanged
 * (src/integrations/page-cache.ts) without having to trust a list of what it reads.
 *
 * A page that needed more than its scope would render differently from the full corpus: `CG_CHECK_PAGE_SCOPES=1`
 * renders every scoped page both ways and fails the build on any difference (tests/build/page-scopes.test.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Corpus, ProfileEntry } from '../corpus/corpus.ts';
import { parseFindingRef } from '../schemas/conclusions.ts';
import { compareUrl, currentProfileUrl, editionProfileUrl, historyUrl } from '../shared/urls.ts';
import { comparisonPairs, comparisonSlug } from './compare-editions.ts';

/** A profile across editions: "country/profile". */
export type Family = string;

// The pages (a bundle of their own) and the build's integrations are separate module instances: both reach the
// render in progress through one store on globalThis.
const state = globalThis as typeof globalThis & { __cgPageScope?: AsyncLocalStorage<Corpus> };
const store = (state.__cgPageScope ??= new AsyncLocalStorage<Corpus>());

/** The corpus of the page being rendered, if it renders in a scope. */
export function corpusInScope(): Corpus | undefined {
  return store.getStore();
}

/** Runs `render` with `scope` as the corpus every read of the page gets (getCorpus in ./site-data.ts). */
export function renderInScope<T>(scope: Corpus, render: () => Promise<T>): Promise<T> {
  return store.run(scope, render);
}

/** Runs `render` with the whole corpus, even inside a scoped render (to compare the two). */
export function renderUnscoped<T>(render: () => Promise<T>): Promise<T> {
  return store.exit(render);
}

const versionLists = new WeakMap<Corpus, Map<Family, ProfileEntry[]>>();

/** Versions of each profile, oldest first. */
function versionsByFamily(c: Corpus): Map<Family, ProfileEntry[]> {
  let versions = versionLists.get(c);
  if (!versions) {
    versions = Map.groupBy(
      c.profiles.filter((p) => p.data),
      (p) => `${p.country}/${p.profile}`,
    );
    for (const list of versions.values()) list.sort((a, b) => a.month.localeCompare(b.month));
    versionLists.set(c, versions);
  }
  return versions;
}

/** What a page of one profile shows: the profile itself (a version of it, or its current URL), or its history or a comparison. */
export type PageOfProfile = { family: Family; shows: 'profile' | 'history' | 'comparison' };

const families = new WeakMap<Corpus, Map<string, PageOfProfile>>();

/**
 * The profile a page belongs to, by its path, and what the page shows of it: every URL of its versions, its current
 * URL (a current or retired profile), its history and each of its comparisons. Undefined for every other page
 * (home, editions, sources…).
 */
export function pageOfProfile(c: Corpus, pathname: string): PageOfProfile | undefined {
  let byPath = families.get(c);
  if (!byPath) {
    byPath = new Map();
    for (const [family, versions] of versionsByFamily(c)) {
      const [country, profile] = family.split('/');
      const page = (path: string, shows: PageOfProfile['shows']) => byPath!.set(path, { family, shows });
      for (const v of versions) page(editionProfileUrl(country, v.edition, profile), 'profile');
      page(currentProfileUrl(country, profile), 'profile');
      page(historyUrl(country, profile), 'history');
      for (const { before, after } of comparisonPairs(versions))
        page(compareUrl(country, profile, comparisonSlug(before, after)), 'comparison');
    }
    families.set(c, byPath);
  }
  return byPath.get(pathname);
}

/** The profile a page belongs to, by its path (see pageOfProfile). */
export function familyOfPage(c: Corpus, pathname: string): Family | undefined {
  return pageOfProfile(c, pathname)?.family;
}

/** Profiles a version points to in its own edition: related profiles, findings its conclusions rest on, cross-references. */
function pointedTo(p: ProfileEntry): string[] {
  const conclusions = Object.values(p.data?.conclusions ?? {}) as { supportedBy?: string[] }[];
  return [
    ...(p.data?.related ?? []),
    ...conclusions.flatMap((k) => (k.supportedBy ?? []).map((ref) => parseFindingRef(ref, p.profile).profile)),
    ...p.scan.crossRefs.flatMap((x) => (x.profile ? [x.profile] : [])),
  ];
}

const indexes = new WeakMap<Corpus, Map<string, number[]>>();

/** Where each profile id stands in the corpus (a list: an invalid duplicate may share an id). */
function positions(c: Corpus): Map<string, number[]> {
  let at = indexes.get(c);
  if (!at) {
    at = new Map();
    c.profiles.forEach((p, i) => at!.set(p.id, [...(at!.get(p.id) ?? []), i]));
    indexes.set(c, at);
  }
  return at;
}

const scopes = new WeakMap<Corpus, Map<Family, Corpus>>();

/**
 * The corpus a page of `family` renders with: its versions and the profiles they point to, in corpus order, and
 * the rest of the corpus (countries, editions, sources, provisions) whole. One object per family, so that what
 * pages derive from a corpus once (indexes, citation graphs) is shared by the pages of one profile.
 */
export function scopeOf(c: Corpus, family: Family): Corpus {
  let byFamily = scopes.get(c);
  if (!byFamily) scopes.set(c, (byFamily = new Map()));
  let scope = byFamily.get(family);
  if (!scope) {
    const versions = versionsByFamily(c).get(family) ?? [];
    const wanted = new Set<string>(versions.map((v) => v.id));
    for (const v of versions) for (const other of pointedTo(v)) wanted.add(`${v.country}/${v.month}/${other}`);
    // In corpus order, found through an index: filtering the whole corpus per profile is quadratic.
    const at = positions(c);
    const profiles = [...wanted].flatMap((id) => at.get(id) ?? []).sort((a, b) => a - b);
    scope = { ...c, profiles: profiles.map((i) => c.profiles[i]), problems: [] };
    byFamily.set(family, scope);
  }
  return scope;
}
