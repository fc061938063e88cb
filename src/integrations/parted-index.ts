/**
 * The search index's parts as a build feeds them while pages render (./search-index-build.ts writes them at the end).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IndexPartStore } from '../build-cache/index-part-store.ts';
import { PAGEFIND_FOLDER, partFolder } from '../shared/search-config.ts';
import { partOf } from './search-parts.ts';
import { SearchCuts } from '../build-cache/search-cuts.ts';
import { FedIndex } from './fed-index.ts';
import { SearchVerdicts } from '../build-cache/search-verdicts.ts';
import { digestOf } from '../prerender-tap/rendered-pages.ts';
import { isSearchable, type Judged } from './searchable-pages.ts';
import { writePart, type Seeds } from './part-write.ts';

/**
 * How the index is split, and where its parts are kept between builds: decided by the build (./search-index.ts)
 * before the first page renders, since a page's part must be known when it is handed over.
 */
export interface IndexSetup {
  /** How many parts (./search-parts.ts partCount). */
  parts: number;
  /** The store of parts and the code fingerprint they are kept under; without it every part is indexed. */
  store?: { dir: string; code: string };
  /**
   * The store each part's last write is kept in (as `store`, which it is where parts are kept): a part is written
   * over those files (./part-write.ts), however many parts there are.
   */
  seeds?: { dir: string; code: string };
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
    this.store = storeOf(setup);
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
      const written = writePart(index, partDir(indexDir, part, part === primary), this.seedsOf(part));
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

  /** Where the last write of `part` is kept, if it is. */
  seedsOf(part: number): Seeds | undefined {
    const { seeds, parts } = this.setup;
    return seeds && this.store && { store: this.store, id: partId(parts, part), code: seeds.code };
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
export const partDir = (indexDir: string, part: number, primary: boolean) =>
  primary ? indexDir : join(indexDir, partFolder(part));

/** The store of parts a build keeps or seeds its parts in, if any. */
export function storeOf(setup: IndexSetup): IndexPartStore | undefined {
  const stored = setup.store ?? setup.seeds;
  return stored && new IndexPartStore(stored.dir);
}

/** A part's id in the store: the number of parts and its own number. */
export const partId = (parts: number, part: number) => `${parts}/${part}`;
