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
import { partKey } from '../build-cache/index-part-store.ts';
import { INDEX_PARTS_FILE, PAGEFIND_FOLDER, partFolder } from '../shared/search-config.ts';
import { partOf } from './search-parts.ts';
import { SearchCuts } from '../build-cache/search-cuts.ts';
import { FedIndex, sameEntries } from './fed-index.ts';
import { digestOf } from '../prerender-tap/rendered-pages.ts';
import { partDir, partId, storeOf, PartedIndex, type IndexSetup } from './parted-index.ts';
import { writePart } from './part-write.ts';
import { searchablePages, type SearchablePages } from './searchable-pages.ts';

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
 * those must be indexed: those fed while rendering (whose writes may be under way already, PartedIndex.seal), and
 * those noted whose pages are not those a kept part was written from, read from disk now (every page is written by
 * the time the build finishes). Pagefind handles requests in order: asked now, it writes each as soon as it has
 * indexed it, while the folder is read. writeSearchIndex throws away an index of other pages than those on disk.
 */
function indexAhead(
  dir: string,
  fed: PartedIndex,
  keyOf: (part: number, primary: boolean, pages: ReadonlyMap<string, string>) => string,
  indexDir: string,
): { expected: number[]; indexed: Map<number, Ahead> } {
  const expected = ascending(new Set([...fed.live.keys(), ...fed.noted.keys()]));
  const indexed = new Map<number, Ahead>();
  for (const part of expected) {
    const primary = part === expected[0];
    const noted = fed.noted.get(part);
    const live = fed.live.get(part);
    if (noted && fed.store?.matches(partId(fed.setup.parts, part), keyOf(part, primary, noted))) continue;
    const index = live ?? indexFromDisk(dir, noted!.keys(), fed.cuts);
    const written =
      (live && fed.early.get(part)) ?? writePart(index, partDir(indexDir, part, primary), fed.seedsOf(part));
    written.catch(() => {}); // awaited by writeSearchIndex
    indexed.set(part, { index, how: live ? 'fed' : 'disk', written });
  }
  return { expected, indexed };
}

/**
 * Removes what was written before a searchable page came after all (PartedIndex.seal): the pages fed are written
 * again, with it.
 */
async function dropEarlyWrites(fed: PartedIndex, indexDir: string): Promise<void> {
  await Promise.all([...fed.early.values()].map((w) => w.catch(() => {})));
  rmSync(indexDir, { recursive: true, force: true });
  fed.early.clear();
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
  const store = fed?.store ?? storeOf(setup);
  const cuts = fed?.cuts ?? (setup.cuts && new SearchCuts(setup.cuts.file, setup.cuts.code));
  const code = (setup.store ?? setup.seeds)?.code ?? '';
  const keyOf = (part: number, primary: boolean, pages: ReadonlyMap<string, string>) =>
    partKey({ code, parts: setup.parts, part, primary, pages });
  try {
    if (fed?.late) await dropEarlyWrites(fed, indexDir);
    const { expected, indexed } = fed && onDisk ? indexAhead(dir, fed, keyOf, indexDir) : NOTHING_AHEAD;
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
      const folder = partDir(indexDir, part, primary);
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
