/**
 * The HTML pages of a built site, read with a real HTML parser: each page's URL, the ids it defines, and every URL
 * it references. Shared by the link checker and the origin checker so that both see the same attributes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { urlOfFile } from '../../src/shared/urls.ts';

/** One URL-valued attribute (or CSS `url()`) found in a page. */
export interface Reference {
  /** Element name, or "style" for a URL inside CSS. */
  tag: string;
  attr: string;
  value: string;
  /** The `rel` tokens of a `<link>` or `<a>`, lower-cased. */
  rel: string[];
}

export interface BuiltPage {
  /** Path inside the build folder, with forward slashes ("syria/index.html"). */
  file: string;
  /** The URL the page is served at ("/syria/", "/404.html"). */
  url: string;
  ids: Set<string>;
  refs: Reference[];
}

const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'xlink:href'];

/** Every file under `dir` whose name ends with `ext`, as forward-slash paths relative to `dir`, sorted. */
export function listFiles(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(ext))
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}

/** URLs inside CSS text: `url(…)` and `@import "…"`. */
export function cssUrls(css: string): string[] {
  const urls = [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => m[2]);
  const imports = [...css.matchAll(/@import\s+(['"])([^'"]+)\1/g)].map((m) => m[2]);
  return [...urls, ...imports];
}

/** Parses one page's HTML. */
export function parsePage(file: string, html: string): BuiltPage {
  const doc = parseDocument(html);
  const ids = new Set<string>();
  const refs: Reference[] = [];
  for (const el of DomUtils.findAll(() => true, doc.children)) {
    const { attribs } = el;
    if (attribs.id) ids.add(attribs.id);
    // Legacy anchors still work as fragment targets in every browser.
    if (el.name === 'a' && attribs.name) ids.add(attribs.name);
    const rel = (attribs.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    for (const attr of URL_ATTRS)
      if (attribs[attr] !== undefined) refs.push({ tag: el.name, attr, value: attribs[attr].trim(), rel });
    if (attribs.srcset)
      for (const candidate of attribs.srcset.split(','))
        refs.push({ tag: el.name, attr: 'srcset', value: candidate.trim().split(/\s+/)[0], rel });
    if (attribs.style)
      for (const value of cssUrls(attribs.style)) refs.push({ tag: 'style', attr: 'style', value, rel });
    if (el.name === 'style')
      for (const value of cssUrls(DomUtils.textContent(el))) refs.push({ tag: 'style', attr: 'url()', value, rel });
    if (el.name === 'meta' && attribs['http-equiv']?.toLowerCase() === 'refresh') {
      const target = /url\s*=\s*['"]?([^'"]+)/i.exec(attribs.content ?? '')?.[1];
      if (target) refs.push({ tag: 'meta', attr: 'content', value: target.trim(), rel });
    }
  }
  return { file, url: urlOfFile(file), ids, refs };
}

/** Reads and parses every HTML page of a build folder. */
export function readBuiltPages(distDir: string): BuiltPage[] {
  return listFiles(distDir, '.html').map((file) => parsePage(file, readFileSync(join(distDir, file), 'utf8')));
}
