/** Reading pages of a built site in tests: parsed with a real HTML parser, queried by tag, id and text. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';

type Document = ReturnType<typeof parseDocument>;
export type Element = ReturnType<typeof DomUtils.findAll>[number];

/** The file a URL is served from ("/a/" → "a/index.html"). */
export function fileOf(url: string): string {
  const path = decodeURIComponent(new URL(url, 'http://x').pathname).slice(1);
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** Whether the build has a file for this URL. */
export function exists(distDir: string, url: string): boolean {
  return existsSync(join(distDir, fileOf(url)));
}

export interface Page {
  url: string;
  doc: Document;
  /** Every element with this tag name. */
  all(tag: string): Element[];
  byId(id: string): Element | null;
  /** The page's visible text, whitespace collapsed. */
  text(): string;
  /** Every link as href and text. */
  links(): { href: string; text: string }[];
}

/** Whitespace-collapsed text of a node. */
export const textOf = (el: Element): string => DomUtils.textContent(el).replace(/\s+/g, ' ').trim();

/** The hrefs of the links inside an element, in document order. */
export const hrefsIn = (el: Element): string[] =>
  DomUtils.findAll((a) => a.name === 'a' && a.attribs.href !== undefined, [el]).map((a) => a.attribs.href);

/** Elements carrying a class, in document order. */
export const withClass = (page: Page, cls: string): Element[] =>
  DomUtils.findAll((el) => (el.attribs.class ?? '').split(/\s+/).includes(cls), page.doc.children);

/** A built file's text, for non-HTML outputs such as the BibTeX export. */
export const readBuilt = (distDir: string, url: string): string => readFileSync(join(distDir, fileOf(url)), 'utf8');

/** Loads one built page by URL. */
export function loadPage(distDir: string, url: string): Page {
  const doc = parseDocument(readFileSync(join(distDir, fileOf(url)), 'utf8'));
  const all = (tag: string) => DomUtils.findAll((el) => el.name === tag, doc.children);
  return {
    url,
    doc,
    all,
    byId: (id) => DomUtils.findOne((el) => el.attribs.id === id, doc.children),
    text: () => {
      const body = all('body')[0];
      return body ? textOf(body) : '';
    },
    links: () =>
      all('a')
        .filter((a) => a.attribs.href !== undefined)
        .map((a) => ({ href: a.attribs.href, text: textOf(a) })),
  };
}
