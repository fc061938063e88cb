/**
 * The "What relies on this source" list of a source page, as HTML text (see html.ts for why): every profile and
 * edition that cites the source, and in it each finding (where, its text, the conclusions resting on it) or the text.
 */
import type { Corpus } from './corpus.ts';
import { CONCLUSION_HEADING } from '../shared/labels.ts';
import type { Reliance } from './site-data.ts';
import { conclusionAnchor, editionProfileUrl, findingAnchor } from '../shared/urls.ts';
import { attr, text } from './html.ts';

/** Longest finding text shown before it is cut with an ellipsis. */
const PREVIEW = 240;

/** One use of the source inside a profile: a finding (with its text and the conclusions resting on it) or the text. */
function useItem(r: Reliance, url: string): string {
  const cited = text(r.locators.map((l) => l || 'the whole source').join('; '));
  if (!r.finding) return `<li> <p>Cited in the profile’s reasoning and other text at ${cited}</p> </li>`;
  const preview = r.finding.text.length > PREVIEW ? `${r.finding.text.slice(0, PREVIEW)}…` : r.finding.text;
  const conclusions = r.conclusions.map((k) => {
    const href = `${editionProfileUrl(k.profile.country, k.profile.edition, k.profile.profile)}#${conclusionAnchor(k.key)}`;
    return `<a href="${attr(href)}">${text(`${k.profile.data!.title}: ${CONCLUSION_HEADING[k.key]}`)}</a>`;
  });
  return (
    '<li> ' +
    `<p>Finding <a href="${attr(`${url}#${findingAnchor(r.finding.id)}`)}">${text(r.finding.title)}</a>, cited at ${cited}</p> ` +
    `<p class="meta">${text(preview)}</p> ` +
    (conclusions.length ? `<p>Conclusions resting on it: ${conclusions.join(', ')}</p> ` : '') +
    '</li>'
  );
}

/** The `<li>` items of the list: one per profile and edition (newest edition first), each with its uses. */
export function relianceItems(c: Corpus, reliances: readonly Reliance[]): string {
  const byProfile = Map.groupBy(reliances, (r) => r.profile.id);
  const items = [...byProfile.values()].map((uses) => {
    const { profile } = uses[0];
    const url = editionProfileUrl(profile.country, profile.edition, profile.profile);
    const edition = c.editions.get(profile.edition)!.data!;
    // Spaced as Astro spaces the same markup, so that text extraction (search) sees the same words.
    return (
      '<li> ' +
      `<p><a href="${attr(url)}"><strong>${text(profile.data!.title)}</strong></a>, ${text(edition.label)} edition${edition.supersededBy ? ' (superseded)' : ''}</p> ` +
      `<ul> ${uses.map((r) => useItem(r, url)).join(' ')} </ul> ` +
      '</li>'
    );
  });
  return ` ${items.join(' ')} `;
}
