/**
 * The updates feed's items. RSS readers decode the XML and then render `description` (and, in many readers,
 * `title`) as HTML, so text from content is HTML-escaped here and XML-escaped again by @astrojs/rss: a title like
 * `<img onerror=…>` then reaches the reader as those characters, never as an element.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import type { ProfileUpdate, Update } from './updates.ts';
import { CHANGE_KIND_LABEL } from '../shared/labels.ts';
import { editionUrl } from '../shared/urls.ts';
import { NOT_XML_CHAR } from '../publish/xml-well-formed.ts';

/**
 * Text as HTML that shows exactly that text. Characters XML 1.0 does not allow (a form feed) are dropped: one would
 * make the whole feed ill-formed, and the content check refuses them at their source anyway.
 */
export function htmlText(text: string): string {
  return text.replace(new RegExp(NOT_XML_CHAR, 'gu'), '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One feed item per update: the summary as a paragraph and the changes as a list, all of it escaped text. */
export function feedItems(list: Update[]): RSSFeedItem[] {
  return list.map((u) => ({
    title: htmlText(u.title),
    link: editionUrl(u.country, u.editionId),
    pubDate: new Date(`${u.published}T00:00:00Z`),
    description: `<p>${htmlText(u.summary)}</p>${u.changes.length ? `<ul>${u.changes.map((c) => `<li>${htmlText(c)}</li>`).join('')}</ul>` : ''}`,
  }));
}

/** One feed item per profile change, linking to the comparison that shows it; escaped like the edition items. */
export function profileFeedItems(list: ProfileUpdate[]): RSSFeedItem[] {
  return list.map((u) => ({
    title: htmlText(`${u.title}: what changed in the ${u.editionLabel} edition`),
    link: u.compareHref,
    pubDate: new Date(`${u.published}T00:00:00Z`),
    description: `<ul>${u.changes.map((ch) => `<li>${htmlText(`${CHANGE_KIND_LABEL[ch.kind]}: ${ch.what}`)}</li>`).join('')}</ul><p>${htmlText(`Compared with the ${u.previousLabel} edition.`)}</p>`,
  }));
}
