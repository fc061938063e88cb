/**
 * Building the Pagefind index of a built site: pages handed over while Astro renders them (FedIndex, fed by
 * ./search-index-while-rendering.ts), checked against the pages on disk at the end; if they differ in any way,
 * or nothing was handed over, the index is built again from disk. Any indexing error fails the build.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { canonicalPath } from '../publish/canonical-link.ts';
import { urlOfFile } from '../shared/urls.ts';
import { renderedFile } from '../prerender-tap/rendered-pages.ts';
import { outputFiles } from '../prerender-tap/output-on-disk.ts';

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

  hear({ file, digest, text }: { file: string; digest: string; readonly text: string }): void {
    if (!SearchablePages.wants(file)) return;
    const before = this.judged?.get(file);
    if (before?.digest === digest ? before.searchable : isSearchable(file, text)) this.pages.set(file, digest);
  }
}

/** The searchable pages of `dir` (relative paths, sorted) with the fingerprint of each, read from disk now. */
export function searchablePages(dir: string, judged?: Judged): Map<string, string> {
  const found = new SearchablePages(judged);
  for (const file of outputFiles(dir).filter(SearchablePages.wants))
    found.hear(renderedFile(file, readFileSync(join(dir, file))));
  return found.pages;
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
  /** Every page judged while rendering, handed over or not. */
  private readonly verdicts = new Map<string, { digest: string; searchable: boolean }>();
  private readonly added: Promise<string[]>[] = [];

  constructor() {
    // A failed start is reported by errors() and write(); until then it must not end the process.
    this.ready.catch(() => {});
  }

  /** Hands one page to Pagefind; `sourcePath` is relative to the site, so Pagefind gives it its published URL. */
  add(sourcePath: string, content: string, digest: string): void {
    this.fed.set(sourcePath, digest);
    this.verdicts.set(sourcePath, { digest, searchable: true });
    this.added.push(this.ready.then((index) => index.addHTMLFile({ sourcePath, content })).then((a) => a.errors));
  }

  /** A page judged not searchable while rendering, on the bytes with fingerprint `digest`. */
  passOver(sourcePath: string, digest: string): void {
    this.verdicts.set(sourcePath, { digest, searchable: false });
  }

  /** What was judged of every page while rendering. */
  get judged(): Judged {
    return this.verdicts;
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

/**
 * Writes <dir>/pagefind/ from the pages on disk, using `fed` if it holds exactly them. `onDisk`, if given, hears the
 * pages of the folder as they are read (listed before this is called, so without Pagefind's own files), and `read`
 * settles once it has heard them all.
 */
export async function writeSearchIndex(
  dir: string,
  fed?: FedIndex,
  onDisk?: { pages: SearchablePages; read: Promise<void> },
): Promise<{ pages: number; whileRendering: boolean }> {
  const outputPath = join(dir, 'pagefind');
  try {
    // Pagefind handles requests in order: asked now, it writes as soon as it has indexed the pages it still holds,
    // instead of once the folder has been read and checked. An index of other pages than those on disk is thrown
    // away below.
    const early = onDisk && fed ? fed.write(outputPath) : undefined;
    early?.catch(() => {}); // awaited below; a failure must not end the process before then
    if (onDisk) await onDisk.read;
    const pages = onDisk ? onDisk.pages.pages : searchablePages(dir, fed?.judged);
    if (pages.size === 0) throw new Error('Pagefind indexed no pages: is data-pagefind-body missing from the layouts?');
    const whileRendering = fed?.holds(pages) ?? false;
    let session = fed;
    let written = early;
    if (!whileRendering || !session) {
      if (early) {
        await early.catch(() => {});
        rmSync(outputPath, { recursive: true, force: true });
        written = undefined;
      }
      await fed?.drop();
      session = new FedIndex();
      // Read again, one page at a time: the pages differ from what was handed over, or nothing was.
      for (const [file, digest] of pages) session.add(file, readFileSync(join(dir, file), 'utf8'), digest);
    }
    const failures = await session.errors();
    if (failures.length) throw new Error(`Pagefind indexing failed: ${failures.join('\n')}`);
    const unwritten = await (written ?? session.write(outputPath));
    if (unwritten.length) throw new Error(`Pagefind could not write the index: ${unwritten.join('\n')}`);
    for (const name of UNUSED_UI_FILES) rmSync(join(outputPath, name), { force: true });
    return { pages: pages.size, whileRendering };
  } finally {
    await pagefind.close();
  }
}
