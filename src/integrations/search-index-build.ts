/**
 * Building the Pagefind index of a built site: pages handed over while Astro renders them (FedIndex, fed by
 * ./search-index-while-rendering.ts), checked against the pages on disk at the end; if they differ in any way,
 * or nothing was handed over, the index is built again from disk. Any indexing error fails the build.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { canonicalPath } from '../publish/canonical-link.ts';
import { urlOfFile } from '../shared/urls.ts';
import { digestOf } from '../prerender-tap/rendered-pages.ts';

/** The attribute that marks a page's searchable part (Base.astro's <main>). */
const BODY_MARK = 'data-pagefind-body';

/**
 * Pagefind also writes its ready-made UIs. The search page uses only the JS API (pagefind.js, its worker and wasm),
 * so these are removed instead of being published unused (about 430 kB).
 */
const UNUSED_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

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

/**
 * The built HTML pages that can be found in search, relative to `dir`, with the fingerprint of each. Only the
 * fingerprints are kept: at 10,000 profiles the pages' text would hold the better part of a gigabyte until Pagefind
 * has written its files. A page whose bytes are those of a page handed over while rendering (`fed`) was judged
 * searchable then, on those very bytes, and is not decoded again.
 */
export function searchablePages(dir: string, fed?: ReadonlyMap<string, string>): Map<string, string> {
  const pages = new Map<string, string>();
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    const digest = digestOf(bytes);
    if (fed?.get(file) === digest || isSearchable(file, bytes.toString('utf8'))) pages.set(file, digest);
  }
  return pages;
}

async function startIndex() {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('\n')}`);
  return index;
}

/** One Pagefind index and the fingerprint of every page it was given. */
export class FedIndex {
  private readonly ready = startIndex();
  /** Output path → fingerprint of the text Pagefind was given. */
  private readonly fed = new Map<string, string>();
  private readonly added: Promise<string[]>[] = [];

  constructor() {
    // A failed start is reported by errors() and write(); until then it must not end the process.
    this.ready.catch(() => {});
  }

  /** Hands one page to Pagefind; `sourcePath` is relative to the site, so Pagefind gives it its published URL. */
  add(sourcePath: string, content: string, digest: string): void {
    this.fed.set(sourcePath, digest);
    this.added.push(this.ready.then((index) => index.addHTMLFile({ sourcePath, content })).then((a) => a.errors));
  }

  /** Output path → fingerprint of every page Pagefind was given. */
  get pages(): ReadonlyMap<string, string> {
    return this.fed;
  }

  /** Whether Pagefind was given exactly these pages (output path → fingerprint), with exactly this text. */
  holds(pages: ReadonlyMap<string, string>): boolean {
    if (pages.size !== this.fed.size) return false;
    for (const [file, digest] of pages) if (this.fed.get(file) !== digest) return false;
    return true;
  }

  /** Every indexing error, once Pagefind has answered for every page. */
  async errors(): Promise<string[]> {
    return (await Promise.all(this.added)).flat();
  }

  async write(outputPath: string): Promise<string[]> {
    return (await (await this.ready).writeFiles({ outputPath })).errors;
  }

  async drop(): Promise<void> {
    await (await this.ready).deleteIndex();
  }
}

/** Writes <dir>/pagefind/ from the pages on disk, using `fed` if it holds exactly them. */
export async function writeSearchIndex(
  dir: string,
  fed?: FedIndex,
): Promise<{ pages: number; whileRendering: boolean }> {
  try {
    const pages = searchablePages(dir, fed?.pages);
    if (pages.size === 0) throw new Error('Pagefind indexed no pages: is data-pagefind-body missing from the layouts?');
    const whileRendering = fed?.holds(pages) ?? false;
    let session = fed;
    if (!whileRendering || !session) {
      await fed?.drop();
      session = new FedIndex();
      // Read again, one page at a time: the pages differ from what was handed over, or nothing was.
      for (const [file, digest] of pages) session.add(file, readFileSync(join(dir, file), 'utf8'), digest);
    }
    const failures = await session.errors();
    if (failures.length) throw new Error(`Pagefind indexing failed: ${failures.join('\n')}`);
    const outputPath = join(dir, 'pagefind');
    const unwritten = await session.write(outputPath);
    if (unwritten.length) throw new Error(`Pagefind could not write the index: ${unwritten.join('\n')}`);
    for (const name of UNUSED_UI_FILES) rmSync(join(outputPath, name), { force: true });
    return { pages: pages.size, whileRendering };
  } finally {
    await pagefind.close();
  }
}
