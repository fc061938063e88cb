/**
 * Which built pages can be found in search, judged on their bytes, and the searchable pages of an output folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalPath } from '../publish/canonical-link.ts';
import { urlOfFile } from '../shared/urls.ts';
import { renderedFile } from '../prerender-tap/rendered-pages.ts';
import { outputFiles } from '../prerender-tap/output-on-disk.ts';

/** The attribute that marks a page's searchable part (Base.astro's <main>). */
const BODY_MARK = 'data-pagefind-body';

/**
 * Whether Pagefind should be handed this file: a page marked data-pagefind-body, at its canonical URL. Once any
 * page is marked, Pagefind indexes only marked pages; comparisons and histories are not marked. A current profile
 * is published at two URLs as the same page, whose canonical link names the current URL: only that copy is
 * indexed. A page that mentions the mark only in its text is handed over too, and Pagefind finds no body in it.
 */
export function isSearchable(file: string, text: string): boolean {
  if (!file.endsWith('.html') || !text.includes(BODY_MARK)) return false;
  const canonical = canonicalPath(text);
  return canonical === undefined || canonical === urlOfFile(file);
}

/** What was judged of a page handed over while rendering: its fingerprint, and whether it can be found in search. */
export type Judged = ReadonlyMap<string, { digest: string; searchable: boolean }>;

/**
 * The built HTML pages that can be found in search, heard one by one from the disk, with the fingerprint of each.
 * Only the fingerprints are kept: at 10,000 profiles the pages' text would hold the better part of a gigabyte until
 * Pagefind has written its files. A page whose bytes are those of a page handed over while rendering was judged
 * then, on those very bytes, searchable or not, and is not decoded again.
 */
export class SearchablePages {
  /** Output path → fingerprint, in the order heard. */
  readonly pages = new Map<string, string>();
  private readonly judged?: Judged;

  constructor(judged?: Judged) {
    this.judged = judged;
  }

  static wants(file: string): boolean {
    return file.endsWith('.html');
  }

  hear(found: { file: string; digest: string; readonly text: string }): void {
    // The text is decoded (and, for a file not read again, read) only if the page must be judged again.
    const { file, digest } = found;
    if (!SearchablePages.wants(file)) return;
    const before = this.judged?.get(file);
    if (before?.digest === digest ? before.searchable : isSearchable(file, found.text)) this.pages.set(file, digest);
  }
}

/** The searchable pages of `dir` (relative paths, sorted) with the fingerprint of each, read from disk now. */
export function searchablePages(dir: string, judged?: Judged): Map<string, string> {
  const found = new SearchablePages(judged);
  for (const file of outputFiles(dir).filter(SearchablePages.wants))
    found.hear(renderedFile(file, readFileSync(join(dir, file))));
  return found.pages;
}
