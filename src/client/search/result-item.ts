/**
 * One result of the search page as a list item: title (with its edition if superseded), status badge, facts, the
 * profile's answer, the excerpt, the best matching findings or sections, and for a relaxed match the words it lacks.
 */
import { MAX_SUB_RESULTS } from '../../shared/search-config.ts';
import {
  editionFact,
  LABELS,
  missingWords,
  subResultsLabel,
  supersededAfterTitle,
  supersededBadge,
} from '../../shared/search-messages.ts';
import { isStopWord } from '../../shared/search-relax.ts';
import type { Entry, PagefindData } from '../../shared/search-run.ts';

type Child = Node | string | null | undefined | false;

/** Creates an element with attributes and children (strings become text, never HTML). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  for (const child of children) if (child) el.append(child);
  return el;
}

/**
 * Pagefind excerpts are escaped text with <mark> around matches; keep exactly that and nothing else, and do not
 * highlight words that carry no meaning ("at", "the"), which would only hide the ones that do.
 */
function excerptNode(excerpt: string, className: string): HTMLElement {
  const p = h('p', { class: className });
  p.innerHTML = excerpt
    .replace(/<(?!\/?mark>)[^>]*>/g, '')
    .replace(/<mark>([^<]*)<\/mark>/g, (whole, word: string) =>
      isStopWord(word.replace(/[^\p{L}\p{N}'’]/gu, '')) ? word : whole,
    );
  return p;
}

/** The findings or sections of a page that matched best (by Pagefind's weights), shown in page order. */
function subResults(data: PagefindData): HTMLLIElement[] {
  return data.sub_results
    .filter((sub) => sub.url !== data.url && sub.url.includes('#'))
    .map((sub, order) => ({
      sub,
      order,
      weight: (sub.weighted_locations ?? []).reduce((sum, l) => sum + l.balanced_score, 0),
    }))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_SUB_RESULTS)
    .sort((a, b) => a.order - b.order)
    .map(({ sub }) => h('li', {}, h('a', { href: sub.url }, sub.title), excerptNode(sub.excerpt, 'result-excerpt')));
}

/** The line under the title: status badge, kind, country, edition (when current) and date. */
function metaLine(m: PagefindData['meta']): HTMLElement {
  const superseded = m.status === 'superseded';
  const badge = m.status
    ? h(
        'span',
        { class: `status ${superseded ? 'status-superseded' : 'status-current'}` },
        superseded ? supersededBadge(m.edition) : LABELS.current,
      )
    : null;
  const edition = !superseded && m.edition ? editionFact(m.edition) : undefined;
  const facts = [m.kind, m.country, edition, m.date].filter(Boolean).join(' · ');
  return h('p', { class: 'result-meta' }, badge, badge && ' ', facts);
}

export function resultItem(entry: Entry, data: PagefindData): HTMLLIElement {
  const m = data.meta;
  const superseded = m.status === 'superseded';
  const title = m.title || data.url;
  const hidden = superseded ? h('span', { class: 'visually-hidden' }, supersededAfterTitle(m.edition)) : null;
  const subs = subResults(data);
  const missing = entry.missing?.length ? entry.missing : null;
  return h(
    'li',
    { class: `search-result${superseded ? ' is-superseded' : ''}` },
    h('h3', { class: 'result-title' }, h('a', { href: data.url }, title, hidden)),
    metaLine(m),
    // A profile's answer: its conclusions in one line (labels.ts conclusionsLine), from the index.
    m.answer ? h('p', { class: 'result-answer' }, m.answer) : null,
    excerptNode(data.excerpt, 'result-excerpt'),
    subs.length ? h('ul', { class: 'sub-results', 'aria-label': subResultsLabel(title) }, ...subs) : null,
    missing ? h('p', { class: 'result-missing' }, LABELS.doesNotContain, missingWords(missing)) : null,
  );
}
