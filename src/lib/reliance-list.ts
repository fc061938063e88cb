/**
 * The "What relies on this source" list of a source page, as HTML text (see html.ts for why): each finding that
 * cites the source, where, its text, and the conclusions resting on it.
 */
import type { Corpus } from './corpus.ts';
import { CONCLUSION_HEADING } from './labels.ts';
import type { Reliance } from './site-data.ts';
import { conclusionAnchor, editionProfileUrl, findingAnchor } from './urls.ts';
import { attr, text } from './html.ts';

/** Longest finding text shown before it is cut with an ellipsis. */
const PREVIEW = 240;

/** The `<li>` items of the list, in the order given. */
export function relianceItems(c: Corpus, reliances: readonly Reliance[]): string {
  const items = reliances.map((r) => {
    const url = editionProfileUrl(r.profile.country, r.profile.edition, r.profile.profile);
    const edition = c.editions.get(r.profile.edition)!.data!;
    const preview = r.findingText.length > PREVIEW ? `${r.findingText.slice(0, PREVIEW)}…` : r.findingText;
    const conclusions = r.conclusions.map((k) => {
      const href = `${editionProfileUrl(k.profile.country, k.profile.edition, k.profile.profile)}#${conclusionAnchor(k.key)}`;
      return `<a href="${attr(href)}">${text(`${k.profile.data!.title}: ${CONCLUSION_HEADING[k.key]}`)}</a>`;
    });
    // Spaced as Astro spaces the same markup, so that text extraction (search) sees the same words.
    return '<li> '
      + `<p>Finding <a href="${attr(`${url}#${findingAnchor(r.findingId)}`)}">${text(r.findingTitle)}</a> in <strong>${text(r.profile.data!.title)}</strong>, `
      + `${text(edition.label)} edition${edition.supersededBy ? ' (superseded)' : ''}; cited at ${text(r.locators.map((l) => l || 'the whole source').join('; '))}</p> `
      + `<p class="meta">${text(preview)}</p> `
      + (conclusions.length ? `<p>Conclusions resting on it: ${conclusions.join(', ')}</p> ` : '')
      + '</li>';
  });
  return ` ${items.join(' ')} `;
}
