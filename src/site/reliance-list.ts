/**
 * The "What relies on this source" list of a source page, as HTML text (see html.ts for why): every profile of current
 * guidance that cites the source, and in it each finding (where, its text, the conclusions resting on it) or the text;
 * then each superseded edition that cited it, in summary.
 */
import type { Corpus } from '../corpus/corpus.ts';
import { CONCLUSION_HEADING } from '../shared/labels.ts';
import type { Reliance } from './site-data.ts';
import { conclusionAnchor, editionProfileUrl, findingAnchor } from '../shared/urls.ts';
import { attr, text } from './html.ts';

/** Longest finding text shown before it is cut with an ellipsis. */
const PREVIEW = 240;

/** Where a use of the source cites it, as escaped text: its pinpoints, or the whole source. */
const pinpoints = (r: Reliance) => text(r.locators.map((l) => l || 'the whole source').join('; '));

/** What a citation outside every finding stands in. */
const OUTSIDE_FINDINGS = 'the profile’s reasoning and other text';

/** The link to a finding that cites the source, on its profile's page at `url`. */
const findingLink = (finding: NonNullable<Reliance['finding']>, url: string) =>
  `<a href="${attr(`${url}#${findingAnchor(finding.id)}`)}">${text(finding.title)}</a>`;

/** One use of the source inside a profile: a finding (with its text and the conclusions resting on it) or the text. */
function useItem(r: Reliance, url: string): string {
  const cited = pinpoints(r);
  if (!r.finding) return `<li> <p>Cited in ${OUTSIDE_FINDINGS} at ${cited}</p> </li>`;
  const preview = r.finding.text.length > PREVIEW ? `${r.finding.text.slice(0, PREVIEW)}…` : r.finding.text;
  const conclusions = r.conclusions.map((k) => {
    const href = `${editionProfileUrl(k.profile.country, k.profile.edition, k.profile.profile)}#${conclusionAnchor(k.key)}`;
    return `<a href="${attr(href)}">${text(`${k.profile.data!.title}: ${CONCLUSION_HEADING[k.key]}`)}</a>`;
  });
  return (
    '<li> ' +
    `<p>Finding ${findingLink(r.finding, url)}, cited at ${cited}</p> ` +
    `<p class="meta">${text(preview)}</p> ` +
    (conclusions.length ? `<p>Conclusions resting on it: ${conclusions.join(', ')}</p> ` : '') +
    '</li>'
  );
}

/** Whether a reliance is in an edition that a later one replaced. */
const superseded = (c: Corpus, r: Reliance) => Boolean(c.editions.get(r.profile.edition)?.data?.supersededBy);

/** The `<li>` items for current guidance: one per profile (newest edition first), each with its uses in full. */
function currentItems(c: Corpus, reliances: readonly Reliance[]): string {
  const byProfile = Map.groupBy(reliances, (r) => r.profile.id);
  const items = [...byProfile.values()].map((uses) => {
    const { profile } = uses[0];
    const url = editionProfileUrl(profile.country, profile.edition, profile.profile);
    const edition = c.editions.get(profile.edition)!.data!;
    // Spaced as Astro spaces the same markup, so that text extraction (search) sees the same words.
    return (
      '<li> ' +
      `<p><a href="${attr(url)}"><strong>${text(profile.data!.title)}</strong></a>, ${text(edition.label)} edition</p> ` +
      `<ul> ${uses.map((r) => useItem(r, url)).join(' ')} </ul> ` +
      '</li>'
    );
  });
  return ` ${items.join(' ')} `;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One profile of a superseded edition: its link, then each finding citing the source, linked, with the pinpoint. */
function supersededProfile(uses: readonly Reliance[]): string {
  const { profile } = uses[0];
  const url = editionProfileUrl(profile.country, profile.edition, profile.profile);
  const places = uses.map((r) => `${r.finding ? findingLink(r.finding, url) : OUTSIDE_FINDINGS} (${pinpoints(r)})`);
  return `<li><a href="${attr(url)}">${text(profile.data!.title)}</a>: ${places.join(', ')}</li>`;
}

/**
 * The `<li>` items for superseded editions: one per edition, newest first, with each profile that cited the source
 * and the findings that did, linked, without their text or the conclusions resting on them (those are on the
 * edition's pages). In full, a source page grew with the whole history of the guidance: 8 MB at 10,000 profiles.
 */
function supersededItems(c: Corpus, reliances: readonly Reliance[]): string {
  const byEdition = Map.groupBy(reliances, (r) => r.profile.edition);
  const items = [...byEdition].map(([editionId, uses]) => {
    const edition = c.editions.get(editionId)!.data!;
    const profiles = [...Map.groupBy(uses, (r) => r.profile.id).values()];
    const findings = uses.filter((r) => r.finding).length;
    return (
      '<li> ' +
      `<p><strong>${text(edition.label)} edition</strong> (superseded): ${plural(profiles.length, 'profile', 'profiles')} cited it${findings ? ` in ${plural(findings, 'finding', 'findings')}` : ''}</p> ` +
      `<ul> ${profiles.map(supersededProfile).join(' ')} </ul> ` +
      '</li>'
    );
  });
  return ` ${items.join(' ')} `;
}

/**
 * The list of what relies on a source, as two lists of `<li>` items: current guidance in full (each finding, its
 * pinpoint, the conclusions resting on it), and superseded editions in summary.
 */
export function relianceLists(c: Corpus, reliances: readonly Reliance[]): { current: string; superseded: string } {
  const [old, now] = [true, false].map((s) => reliances.filter((r) => superseded(c, r) === s));
  return {
    current: now.length ? currentItems(c, now) : '',
    superseded: old.length ? supersededItems(c, old) : '',
  };
}
