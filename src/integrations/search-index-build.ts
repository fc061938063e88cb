/**
 * Building the Pagefind index of a built site, in parts (./search-parts.ts): pages handed over while Astro renders
 * them (PartedIndex, fed by ./search-index-while-rendering.ts) are checked against the pages on disk at the end.
 * A part an earlier build kept (src/build-cache/index-part-store.ts) is only noted while its pages are those it was
 * kept for, and published from the store if they still are at the end; from its first page that differs it is fed
 * while rendering. A part whose pages on disk differ in any way from those handed over, or that nothing was handed
 * over for, is indexed again from disk. Any indexing error fails the build.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { IndexPartStore, partKey } from '../build-cache/index-part-store.ts';
import { INDEX_PARTS_FILE, PAGEFIND_FOLDER, partFolder } from '../shared/search-config.ts';
import { partOf } from './search-parts.ts';
import { SearchCuts } from '../build-cache/search-cuts.ts';
import { FedIndex, sameEntries } from './fed-index.ts';
import { SearchVerdicts } from '../build-cache/search-verdicts.ts';
import { canonicalPath } from '../publish/canonical-link.ts';
import { urlOfFile } from '../shared/urls.ts';
import { digestOf, renderedFile } from '../prerender-tap/rendered-pages.ts';
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

/**
 * How the index is split, and where its parts are kept between builds: decided by the build (./search-index.ts)
 * before the first page renders, since a page's part must be known when it is handed over.
 */
export interface IndexSetup {
  /** How many parts (./search-parts.ts partCount). */
  parts: number;
  /** The store of parts and the code fingerprint they are kept under; without it every part is indexed. */
  store?: { dir: string; code: string };
  /** Where what was cut from each page is kept (src/build-cache/search-cuts.ts); without it every page is parsed. */
  cuts?: { file: string; code: string };
  /** Where whether each page is searchable is kept (src/build-cache/search-verdicts.ts). */
  verdicts?: { file: string; code: string };
  /**
   * The folder the build writes its pages to, where a page handed over as published can be read again, and the
   * index is written early (`seal`).
   */
  pagesDir?: string;
  /** The render rank after which no searchable page is expected: heard, the index is sealed (search-index.ts). */
  lastSearchableRank?: number;
  /** How much text of rendered pages may be held for parts that may be kept; HELD_TEXT_LIMIT unless given. */
  heldTextLimit?: number;
}

/**
 * How much text of rendered pages a build holds for parts it may keep, until it knows whether it keeps them: a
 * rendered page is handed over before Astro writes it, so a part that turns out to differ could not read it again.
 * Past this, a part is left to be indexed from disk at the end, as if it were not held.
 */
const HELD_TEXT_LIMIT = 64 << 20;

/**
 * The pages handed over while rendering, by part: fed to Pagefind at once, or only noted while every page of the part
 * is one the part an earlier build kept was written from. At the first page that is not, the part is fed from then
 * on, its noted pages first (read again from the output folder, or held if they were not written yet), so that a
 * rebuild indexes the part that changed while the rest renders, in the order a clean build would.
 */
export class PartedIndex {
  readonly setup: IndexSetup;
  readonly store?: IndexPartStore;
  readonly cuts?: SearchCuts;
  readonly searchVerdicts?: SearchVerdicts;
  /** Parts fed to Pagefind as their pages come. */
  readonly live = new Map<number, FedIndex>();
  /** Parts an earlier build kept: their pages' fingerprints, in the order handed over. */
  readonly noted = new Map<number, Map<string, string>>();
  /** The text of noted pages that were not in the output folder yet, by part. */
  private readonly held = new Map<number, Map<string, string>>();
  private heldText = 0;
  /** Parts with a noted page that can be read neither from memory nor from the output folder. */
  private readonly unheld = new Set<number>();
  /** Every page judged while rendering, handed over or not. */
  private readonly verdicts = new Map<string, { digest: string; searchable: boolean }>();
  /** The writes of live parts started when every searchable page was expected to be in (`seal`), by part. */
  readonly early = new Map<number, Promise<string[]>>();
  private sealed = false;
  /** A searchable page came after the seal: what was written early is not the index, which is made again. */
  late = false;

  constructor(setup: IndexSetup) {
    this.setup = setup;
    this.store = setup.store && new IndexPartStore(setup.store.dir);
    this.cuts = setup.cuts && new SearchCuts(setup.cuts.file, setup.cuts.code);
    this.searchVerdicts = setup.verdicts && new SearchVerdicts(setup.verdicts.file, setup.verdicts.code);
  }

  /**
   * Whether the page at output path `file`, with fingerprint `digest` and text `page.text`, is searchable: as an
   * earlier build judged the same bytes (src/build-cache/search-verdicts.ts), or judged now.
   */
  searchable(file: string, digest: string, page: { readonly text: string }): boolean {
    const judge = () => isSearchable(file, page.text);
    return this.searchVerdicts ? this.searchVerdicts.searchable(file, digest, judge) : judge();
  }

  /**
   * Hands over a searchable page at output path `file`, whose text is read from `page` only if it is needed; with
   * `published` if it is in the output folder already (a kept page), with these bytes.
   */
  add(file: string, page: { readonly text: string }, digest: string, published = false): void {
    this.verdicts.set(file, { digest, searchable: true });
    if (this.sealed) this.late = true;
    const part = partOf(file, this.setup.parts);
    const live = this.live.get(part) ?? this.liveUnlessKept(part, file, digest);
    if (live) {
      live.add(file, page.text, digest);
      return;
    }
    let noted = this.noted.get(part);
    if (!noted) this.noted.set(part, (noted = new Map()));
    noted.set(file, digest);
    if (published && this.setup.pagesDir !== undefined) return;
    if (this.unheld.has(part)) return;
    const content = page.text;
    if (this.heldText + content.length > (this.setup.heldTextLimit ?? HELD_TEXT_LIMIT)) {
      this.unheld.add(part);
      this.release(part);
      return;
    }
    let held = this.held.get(part);
    if (!held) this.held.set(part, (held = new Map()));
    held.set(file, content);
    this.heldText += content.length;
  }

  /**
   * Hears of a searchable page ahead of its turn in `add`: if it is not a page its part was kept for, with these
   * bytes, the part is fed from now on.
   */
  foresee(file: string, digest: string): void {
    const part = partOf(file, this.setup.parts);
    if (!this.live.has(part) && this.liveUnlessKept(part, file, digest) && this.sealed) this.late = true;
  }

  /**
   * Every searchable page is expected to be in: each part fed while rendering is written now, while the pages that
   * cannot be searched render. Kept parts are published at the end as before. A page handed over after this makes
   * the writes void (`late`); writeSearchIndex then makes the index again.
   */
  seal(): void {
    if (this.sealed || this.setup.pagesDir === undefined) return;
    this.sealed = true;
    const primary = Math.min(...this.live.keys(), ...this.noted.keys());
    const indexDir = join(this.setup.pagesDir, PAGEFIND_FOLDER);
    for (const [part, index] of this.live) {
      const written = index.write(partDir(indexDir, part, part === primary));
      written.catch(() => {}); // awaited by writeSearchIndex
      this.early.set(part, written);
    }
  }

  /**
   * Starts feeding `part`, with the pages noted for it so far, unless it may still be the kept part: that is, an
   * earlier build kept it for this code and `file` is among its pages with this fingerprint. A part whose noted pages
   * cannot all be read again stays noted, and is indexed from disk at the end if it differs.
   */
  private liveUnlessKept(part: number, file: string, digest: string): FedIndex | undefined {
    const { store: kept, pagesDir } = this.setup;
    const pages = kept && this.store?.pagesOf(partId(this.setup.parts, part), kept.code);
    if (pages?.get(file) === digest || this.unheld.has(part)) return undefined;
    const live = new FedIndex(this.cuts);
    this.live.set(part, live);
    const held = this.held.get(part);
    for (const [noted, notedDigest] of this.noted.get(part) ?? []) {
      const text = held?.get(noted);
      if (text !== undefined) live.add(noted, text, notedDigest);
      else {
        // Published before it was handed over; if it changed since, the index's check at the end finds it.
        const bytes = readFileSync(join(pagesDir!, noted));
        live.add(noted, bytes.toString('utf8'), digestOf(bytes));
      }
    }
    this.noted.delete(part);
    this.release(part);
    return live;
  }

  private release(part: number): void {
    for (const text of this.held.get(part)?.values() ?? []) this.heldText -= text.length;
    this.held.delete(part);
  }

  /** A page judged not searchable while rendering, on the bytes with fingerprint `digest`. */
  passOver(file: string, digest: string): void {
    this.verdicts.set(file, { digest, searchable: false });
  }

  /** What was judged of every page while rendering. */
  get judged(): Judged {
    return this.verdicts;
  }

  /** Drops every Pagefind index started. */
  async drop(): Promise<void> {
    await Promise.all([...this.live.values()].map((l) => l.drop()));
    this.live.clear();
  }
}

/** Where a part is written in the index folder: the primary part in the folder itself, the others each in its own. */
const partDir = (indexDir: string, part: number, primary: boolean) =>
  primary ? indexDir : join(indexDir, partFolder(part));

/** A part's id in the store: the number of parts and its own number. */
const partId = (parts: number, part: number) => `${parts}/${part}`;

/** Files of a part folder the search page reads when it merges the part; the rest is Pagefind's scripts. */
const MERGED_FILES = /^(?:pagefind-entry\.json|pagefind\.[^/]*\.pf_meta|(?:index|fragment|filter)\/.*)$/;

/**
 * Leaves in a part folder only what is published: Pagefind's ready-made UIs nowhere, and its scripts only with the
 * primary index.
 */
function trimPart(folder: string, primary: boolean): void {
  for (const name of UNUSED_UI_FILES) rmSync(join(folder, name), { force: true });
  if (primary) return;
  for (const entry of readdirSync(folder, { withFileTypes: true }))
    if (!MERGED_FILES.test(entry.isDirectory() ? `${entry.name}/` : entry.name))
      rmSync(join(folder, entry.name), { recursive: true, force: true });
}

/** How a part was made: fed while rendering, indexed from disk at the end, or published from the store. */
type PartMade = 'fed' | 'disk' | 'kept';

/**
 * What writeSearchIndex reports: the pages indexed, how many parts were made each way (and written early), the share
 * of the indexed pages' text Pagefind was handed (./search-input.ts) where it indexed any, and how many pages were cut
 * as an earlier build cut them.
 */
export type IndexWritten = {
  pages: number;
  parts: number;
  handed?: number;
  cutBefore?: number;
  /** How many parts were written before the last pages rendered (PartedIndex.seal), and are published as written. */
  early?: number;
} & Record<PartMade, number>;

/** The share of the pages' text Pagefind was handed, over `indexes`; undefined if they were handed nothing. */
function handedShare(indexes: readonly FedIndex[]): number | undefined {
  const pages = indexes.reduce((sum, i) => sum + i.text.pages, 0);
  return pages ? indexes.reduce((sum, i) => sum + i.text.handed, 0) / pages : undefined;
}

/** Indexes the pages `order` names (output paths with their fingerprints) from the files in `dir`, in that order. */
function indexFromDisk(dir: string, order: Iterable<string>, cuts?: SearchCuts): FedIndex {
  const session = new FedIndex(cuts);
  for (const file of order) {
    const bytes = readFileSync(join(dir, file));
    session.add(file, bytes.toString('utf8'), digestOf(bytes));
  }
  return session;
}

/** Groups output path → fingerprint by part, each group in the order given. */
function byPart(pages: ReadonlyMap<string, string>, parts: number): Map<number, Map<string, string>> {
  const grouped = new Map<number, Map<string, string>>();
  for (const [file, digest] of pages) {
    const part = partOf(file, parts);
    let inPart = grouped.get(part);
    if (!inPart) grouped.set(part, (inPart = new Map()));
    inPart.set(file, digest);
  }
  return grouped;
}

const ascending = (parts: Iterable<number>) => [...parts].sort((a, b) => a - b);

/** A part indexed before the folder was read, and its write under way. */
interface Ahead {
  index: FedIndex;
  how: PartMade;
  written: Promise<string[]>;
}
const NOTHING_AHEAD = { expected: [] as number[], indexed: new Map<number, Ahead>() };

/**
 * Before the folder is read and checked, what was handed over says which parts hold pages (`expected`) and which of
 * those must be indexed: those fed while rendering, and those noted whose pages are not those a kept part was written
 * from, read from disk now (every page is written by the time the build finishes). Pagefind handles requests in
 * order: asked now, it writes each as soon as it has indexed it, while the folder is read. writeSearchIndex throws
 * away an index of other pages than those on disk.
 */
function indexAhead(
  dir: string,
  fed: PartedIndex,
  keyOf: (part: number, primary: boolean, pages: ReadonlyMap<string, string>) => string,
  folderOf: (part: number, primary: boolean) => string,
): { expected: number[]; indexed: Map<number, Ahead> } {
  const expected = ascending(new Set([...fed.live.keys(), ...fed.noted.keys()]));
  const indexed = new Map<number, Ahead>();
  for (const part of expected) {
    const primary = part === expected[0];
    const noted = fed.noted.get(part);
    const live = fed.live.get(part);
    if (noted && fed.store?.matches(partId(fed.setup.parts, part), keyOf(part, primary, noted))) continue;
    const index = live ?? indexFromDisk(dir, noted!.keys(), fed.cuts);
    const written = (live && fed.early.get(part)) ?? index.write(folderOf(part, primary));
    written.catch(() => {}); // awaited by writeSearchIndex
    indexed.set(part, { index, how: live ? 'fed' : 'disk', written });
  }
  return { expected, indexed };
}

/**
 * Writes <dir>/pagefind/ from the pages on disk, using what `fed` was handed where it holds exactly them. `onDisk`,
 * if given, hears the pages of the folder as they are read (listed before this is called, so without Pagefind's
 * own files), and `read` settles once it has heard them all.
 */
export async function writeSearchIndex(
  dir: string,
  setup: IndexSetup,
  fed?: PartedIndex,
  onDisk?: { pages: SearchablePages; read: Promise<void> },
): Promise<IndexWritten> {
  const indexDir = join(dir, PAGEFIND_FOLDER);
  const store = fed?.store ?? (setup.store && new IndexPartStore(setup.store.dir));
  const cuts = fed?.cuts ?? (setup.cuts && new SearchCuts(setup.cuts.file, setup.cuts.code));
  const code = setup.store?.code ?? '';
  const folderOf = (part: number, primary: boolean) => partDir(indexDir, part, primary);
  const keyOf = (part: number, primary: boolean, pages: ReadonlyMap<string, string>) =>
    partKey({ code, parts: setup.parts, part, primary, pages });
  try {
    // Written before a searchable page came after all: that index goes, and the pages fed are written again.
    if (fed?.late && fed.early.size) {
      await Promise.all([...fed.early.values()].map((w) => w.catch(() => {})));
      rmSync(indexDir, { recursive: true, force: true });
      fed.early.clear();
    }
    const { expected, indexed } = fed && onDisk ? indexAhead(dir, fed, keyOf, folderOf) : NOTHING_AHEAD;
    if (onDisk) await onDisk.read;
    const pages = onDisk ? onDisk.pages.pages : searchablePages(dir, fed?.judged);
    if (pages.size === 0) throw new Error('Pagefind indexed no pages: is data-pagefind-body missing from the layouts?');
    const onDiskParts = byPart(pages, setup.parts);
    const used = ascending(onDiskParts.keys());
    const asExpected =
      used.length === expected.length &&
      used.every((part, i) => part === expected[i] && (indexed.get(part)?.index.holds(onDiskParts.get(part)!) ?? true));
    if (indexed.size && !asExpected) {
      await Promise.all([...indexed.values()].map((x) => x.written.catch(() => {})));
      rmSync(indexDir, { recursive: true, force: true });
      await Promise.all([...indexed.values()].map((x) => x.index.drop()));
      indexed.clear();
      await fed?.drop();
    }
    const made: PartMade[] = [];
    const handedTo: FedIndex[] = [];
    // The primary index first: it is written to the index folder itself, which holds the other parts' folders.
    for (const part of used) {
      const primary = part === used[0];
      const folder = folderOf(part, primary);
      const id = partId(setup.parts, part);
      const onDiskPart = onDiskParts.get(part)!;
      const ready = indexed.get(part);
      let order: ReadonlyMap<string, string>;
      if (ready) {
        const failures = await ready.index.errors();
        if (failures.length) throw new Error(`Pagefind indexing failed: ${failures.join('\n')}`);
        const unwritten = await ready.written;
        if (unwritten.length) throw new Error(`Pagefind could not write the index: ${unwritten.join('\n')}`);
        order = ready.index.fed;
        made.push(ready.how);
        handedTo.push(ready.index);
      } else {
        await fed?.live.get(part)?.drop();
        const noted = fed?.noted.get(part);
        // Pages handed over in render order are indexed in that order, as a build that fed them would have.
        order = noted && sameEntries(noted, onDiskPart) ? noted : onDiskPart;
        if (await store?.publish(id, keyOf(part, primary, order), folder)) {
          made.push('kept');
          continue;
        }
        // Read again, one page at a time: the pages differ from what was handed over, or nothing was.
        const session = indexFromDisk(dir, order.keys(), cuts);
        const failures = await session.errors();
        if (failures.length) throw new Error(`Pagefind indexing failed: ${failures.join('\n')}`);
        if (!session.holds(onDiskPart)) throw new Error(`the pages of ${folder} changed while they were indexed`);
        const unwritten = await session.write(folder);
        if (unwritten.length) throw new Error(`Pagefind could not write the index: ${unwritten.join('\n')}`);
        made.push('disk');
        handedTo.push(session);
      }
      trimPart(folder, primary);
      store?.keep(id, keyOf(part, primary, order), code, folder, order);
    }
    const merged = used.slice(1).map(partFolder);
    writeFileSync(join(indexDir, INDEX_PARTS_FILE), `${JSON.stringify({ merge: merged })}\n`);
    await store?.save();
    await cuts?.save();
    await fed?.searchVerdicts?.save();
    const count = (how: PartMade) => made.filter((m) => m === how).length;
    const parts = { fed: count('fed'), disk: count('disk'), kept: count('kept') };
    const handed = { handed: handedShare(handedTo), cutBefore: cuts?.reused };
    return { pages: pages.size, parts: used.length, ...parts, ...handed, early: fed?.early.size || undefined };
  } finally {
    await pagefind.close();
  }
}
