/**
 * The guidance as open data: one JSON document per country, edition, profile (as it stood in an edition) and
 * source, each valid against schema.ts. Built from the checked corpus at build time; every URL in it is absolute.
 */
import type { Corpus, ProfileEntry } from '../../corpus/corpus.ts';
import { cslOf } from '../csl.ts';
import { CONCLUSION_HEADING } from '../../shared/labels.ts';
import { absoluteUrl } from '../../site/site-url.ts';
import { editionsOf, currentEdition, profilesOf, reliancesOn, resolveFinding } from '../../site/site-data.ts';
import {
  conclusionAnchor,
  countryUrl,
  editionProfileUrl,
  editionUrl,
  findingAnchor,
  sourceUrl,
} from '../../shared/urls.ts';
import { CONCLUSION_KEYS } from '../../schemas/content.ts';
import { profileEvidence } from '../../site/conclusion-evidence.ts';
import { reviewOf } from '../../site/review.ts';
import { countryDataUrl, dataSchemaUrl, DATA_VERSION, editionDataUrl, profileDataUrl, sourceDataUrl } from './urls.ts';

const header = (kind: string, page: string, data: string) => ({
  $schema: absoluteUrl(dataSchemaUrl()),
  version: DATA_VERSION,
  kind,
  url: absoluteUrl(page),
  dataUrl: absoluteUrl(data),
});

/** The review lists of the current edition (src/site/review.ts), with links instead of entries. */
function reviewData(c: Corpus, id: string) {
  const r = reviewOf(c, id);
  if (!r) return null;
  const at = (p: ProfileEntry, anchor: string) =>
    absoluteUrl(`${editionProfileUrl(p.country, p.edition, p.profile)}#${anchor}`);
  return {
    edition: r.edition.id,
    staleConclusions: r.stale.map(({ profile, key, evidence }) => ({
      profile: profile.profile,
      conclusion: key,
      url: at(profile, conclusionAnchor(key)),
      evidence: evidence.span,
      reason: evidence.stale!.kind,
      evidenceNote: evidence.note ?? null,
    })),
    notKnown: r.notKnown.map((g) => ({
      profile: g.profile.profile,
      conclusion: g.key,
      url: at(g.profile, conclusionAnchor(g.key)),
      wouldSettle: g.wouldSettle,
    })),
    findingsByAge: r.findingsByAge.map((f) => ({
      profile: f.profile.profile,
      finding: f.id,
      asOf: f.asOf,
      url: at(f.profile, findingAnchor(f.id)),
    })),
    partlyReadSources: r.partlyRead.map((s) => ({
      source: s.id,
      access: s.access,
      conclusions: s.conclusions,
      sourceDataUrl: absoluteUrl(sourceDataUrl(s.id)),
    })),
    uncitedSources: r.uncited.map((s) => ({ source: s, sourceDataUrl: absoluteUrl(sourceDataUrl(s)) })),
  };
}

export function countryData(c: Corpus, id: string) {
  const country = c.countries.get(id)!.data!;
  return {
    ...header('country', countryUrl(id), countryDataUrl(id)),
    id,
    name: country.name,
    iso: country.iso,
    description: country.description,
    currentEdition: currentEdition(c, id)?.id ?? null,
    staleAfterMonths: country.staleAfterMonths,
    turningPoints: country.turningPoints.map((tp) => ({
      id: tp.id,
      date: tp.date,
      until: tp.until ?? null,
      title: tp.title,
      summary: tp.summary,
      citations: tp.citations.map((ci) => ({
        source: ci.source,
        pinpoint: ci.locator || null,
        sourceDataUrl: absoluteUrl(sourceDataUrl(ci.source)),
      })),
    })),
    review: reviewData(c, id),
    editions: editionsOf(c, id).map((e) => ({
      id: e.id,
      label: e.data.label,
      published: e.data.published,
      url: absoluteUrl(editionUrl(id, e.id)),
      dataUrl: absoluteUrl(editionDataUrl(id, e.id)),
    })),
  };
}

export function editionData(c: Corpus, id: string) {
  const e = c.editions.get(id)!.data!;
  return {
    ...header('edition', editionUrl(e.country, id), editionDataUrl(e.country, id)),
    id,
    country: e.country,
    title: e.title,
    label: e.label,
    published: e.published,
    sourcesUpTo: e.sourcesUpTo,
    legalBasis: e.legalBasis,
    basedOn: e.basedOn ?? null,
    summary: e.summary,
    changes: e.changes,
    supersededBy: e.supersededBy ?? null,
    supersededOn: e.supersededOn ?? null,
    profiles: profilesOf(c, id).map((p) => ({
      id: p.profile,
      title: p.data!.title,
      url: absoluteUrl(editionProfileUrl(p.country, id, p.profile)),
      dataUrl: absoluteUrl(profileDataUrl(p.country, id, p.profile)),
    })),
  };
}

/** "finding" or "other-profile#finding" → which finding that is, and where. */
function findingRef(c: Corpus, p: ProfileEntry, ref: string) {
  const { profileId, findingId, finding } = resolveFinding(c, p, ref);
  return {
    profile: profileId,
    finding: findingId,
    title: finding?.title ?? findingId,
    url: absoluteUrl(`${editionProfileUrl(p.country, p.edition, profileId)}#${findingAnchor(findingId)}`),
  };
}

export function profileData(c: Corpus, p: ProfileEntry) {
  const d = p.data!;
  const page = editionProfileUrl(p.country, p.edition, p.profile);
  const evidence = profileEvidence(c, p);
  const conclusions = d.conclusions
    ? Object.fromEntries(
        CONCLUSION_KEYS.map((key) => {
          const v = d.conclusions![key] as Record<string, unknown> & { supportedBy?: string[] };
          const { supportedBy, ...rest } = v;
          return [
            key,
            {
              heading: CONCLUSION_HEADING[key],
              url: absoluteUrl(`${page}#${conclusionAnchor(key)}`),
              ...rest,
              ...(supportedBy && { supportedBy: supportedBy.map((r) => findingRef(c, p, r)) }),
              ...(evidence[key] && { evidence: evidence[key].span }),
            },
          ];
        }),
      )
    : null;
  return {
    ...header('profile', page, profileDataUrl(p.country, p.edition, p.profile)),
    id: p.profile,
    country: p.country,
    edition: p.edition,
    profileKind: d.kind,
    title: d.title,
    scope: d.scope,
    lastUpdate: d.lastUpdate,
    officialSection: d.officialSection ?? null,
    related: d.related,
    conclusions,
    findings: p.scan.findings.map((f) => ({
      id: f.id,
      title: f.title ?? f.id,
      url: absoluteUrl(`${page}#${findingAnchor(f.id)}`),
      asOf: f.asOf,
      uncertain: f.uncertain ?? null,
      text: f.text,
      citations: f.citations
        .flatMap((cl) => cl.items)
        .map((i) => ({ source: i.key, pinpoint: i.locator || null, sourceDataUrl: absoluteUrl(sourceDataUrl(i.key)) })),
    })),
  };
}

export function sourceData(c: Corpus, id: string) {
  const s = c.sources.get(id)!.data!;
  return {
    ...header('source', sourceUrl(id), sourceDataUrl(id)),
    id,
    csl: cslOf(c, id),
    description: s.description,
    access: s.access,
    accessNote: s.accessNote ?? null,
    structure: s.structure ?? null,
    reliedOnBy: reliancesOn(c, id).map((r) => ({
      edition: r.profile.edition,
      profile: r.profile.profile,
      finding: r.finding?.id ?? null,
      pinpoints: r.locators,
      url: absoluteUrl(
        `${editionProfileUrl(r.profile.country, r.profile.edition, r.profile.profile)}${r.finding ? `#${findingAnchor(r.finding.id)}` : ''}`,
      ),
    })),
  };
}
