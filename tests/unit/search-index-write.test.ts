/**
 * The index written at the end of a build: Pagefind is asked to write the pages it was handed before they have been
 * checked against the disk; when they differ, that index is thrown away and the one written from disk is the same,
 * byte for byte, as if nothing had been handed over. A site in parts has each part in its own folder, listed for the
 * search page; a rebuild publishes the parts whose pages are unchanged from the store, byte for byte as indexing
 * them again would write them, and indexes again only the parts whose pages changed.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { writeSearchIndex } from '../../src/integrations/search-index-build.ts';
import { PartedIndex, type IndexSetup } from '../../src/integrations/parted-index.ts';
import { SearchablePages } from '../../src/integrations/searchable-pages.ts';
import { filesInUse, HASHED_FILE } from '../../src/integrations/pagefind-files.ts';
import { writePart } from '../../src/integrations/part-write.ts';
import type { FedIndex } from '../../src/integrations/fed-index.ts';
import type { IndexPartStore } from '../../src/build-cache/index-part-store.ts';
import { partOf } from '../../src/integrations/search-parts.ts';
import { outputFiles, readOutput } from '../../src/prerender-tap/output-on-disk.ts';
import { digestOf } from '../../src/prerender-tap/rendered-pages.ts';
import { INDEX_PARTS_FILE } from '../../src/shared/search-config.ts';
import { folderWith } from '../support/temp-folder.ts';

const page = (title: string, text: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;

const site = (pages: Record<string, string>) => folderWith(pages, 'cg-search-write-');

/** A store folder for kept parts, deleted after the test. */
function storeDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cg-search-store-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Parts kept in a fresh store, written by code "code-1". */
const keptIn = (parts: number): IndexSetup => ({ parts, store: { dir: storeDir(), code: 'code-1' } });

/** The index folder: file → bytes. */
const indexOf = (dir: string) =>
  Object.fromEntries(outputFiles(join(dir, 'pagefind')).map((f) => [f, readFileSync(join(dir, 'pagefind', f))]));

/**
 * Hands `handed` to Pagefind as if rendered, in order, then writes the index of `dir` as the build's worker does.
 * `published`: the pages are handed over as kept pages are, already in `dir`, which the setup names.
 */
async function writeAfterHanding(
  dir: string,
  handed: Record<string, string>,
  setup: IndexSetup = { parts: 1 },
  { published = false } = {},
) {
  const fed = new PartedIndex(published ? { ...setup, pagesDir: dir } : setup);
  for (const [file, html] of Object.entries(handed)) {
    const digest = digestOf(Buffer.from(html));
    if (fed.searchable(file, digest, { text: html })) fed.add(file, { text: html }, digest, published);
    else fed.passOver(file, digest);
  }
  return finishIndex(dir, setup, fed);
}

/** Writes the index of `dir` from what `fed` was handed, the pages on disk read as the build's worker reads them. */
function finishIndex(dir: string, setup: IndexSetup, fed: PartedIndex) {
  const pages = new SearchablePages(fed.judged);
  const read = readOutput(dir, SearchablePages.wants, (f) => pages.hear(f));
  return writeSearchIndex(dir, setup, fed, { pages, read });
}

describe('the search index written at the end of a build', () => {
  // In the order a folder is read: the order Pagefind is given pages is part of its index.
  const onDisk = {
    'law/qd-9/index.html': page('Article 9', 'acts of persecution'),
    'syria/deserters/index.html': page('Deserters', 'conscription evasion and desertion'),
  };

  it('is the index of the pages handed over while rendering when they are the pages on disk', async () => {
    const dir = site(onDisk);
    const fromDisk = site(onDisk);
    expect(await writeAfterHanding(dir, onDisk)).toEqual({ pages: 2, parts: 1, fed: 1, disk: 0, kept: 0, handed: 1 });
    await writeSearchIndex(fromDisk, { parts: 1 });
    expect(indexOf(dir)).toEqual(indexOf(fromDisk));
  }, 60_000);

  it('is written again from disk, with nothing left of the first, when a page changed after it was rendered', async () => {
    const dir = site(onDisk);
    const fromDisk = site(onDisk);
    const stale = { ...onDisk, 'syria/deserters/index.html': page('Deserters', 'an older text about amnesty') };
    expect(await writeAfterHanding(dir, stale)).toEqual({ pages: 2, parts: 1, fed: 0, disk: 1, kept: 0, handed: 1 });
    await writeSearchIndex(fromDisk, { parts: 1 });
    expect(Object.keys(indexOf(dir)).length).toBeGreaterThan(0);
    expect(indexOf(dir)).toEqual(indexOf(fromDisk));
  }, 60_000);

  it('does not decode a page on disk that was judged while rendering with the same bytes', () => {
    const judged = new Map([['a/index.html', { digest: 'd1', searchable: true }]]);
    const pages = new SearchablePages(judged);
    const unread = (file: string, digest: string) => ({
      file,
      digest,
      get text(): string {
        throw new Error(`${file} was decoded`);
      },
    });
    pages.hear(unread('a/index.html', 'd1'));
    expect([...pages.pages]).toEqual([['a/index.html', 'd1']]);
    expect(() => pages.hear(unread('a/index.html', 'd2'))).toThrow('a/index.html was decoded');
  });

  it('lists no part to merge for a site in one part', async () => {
    const dir = site(onDisk);
    await writeAfterHanding(dir, onDisk);
    expect(JSON.parse(readFileSync(join(dir, 'pagefind', INDEX_PARTS_FILE), 'utf8'))).toEqual({ merge: [] });
  }, 60_000);
});

describe('a search index written while the last pages render', () => {
  const onDisk = {
    'law/qd-9/index.html': page('Article 9', 'acts of persecution'),
    'syria/deserters/index.html': page('Deserters', 'conscription evasion and desertion'),
  };
  const hand = (fed: PartedIndex, pages: Record<string, string>) => {
    for (const [file, html] of Object.entries(pages)) fed.add(file, { text: html }, digestOf(Buffer.from(html)));
  };

  it('is written when every searchable page is in, and is then the index a build writes at the end', async () => {
    const dir = site(onDisk);
    const atTheEnd = site(onDisk);
    const fed = new PartedIndex({ parts: 1, pagesDir: dir });
    hand(fed, onDisk);
    fed.seal();
    expect(fed.early.size).toBe(1);
    await fed.early.get(0);
    expect(Object.keys(indexOf(dir)).length).toBeGreaterThan(0);
    expect(await finishIndex(dir, { parts: 1 }, fed)).toMatchObject({ fed: 1, early: 1 });
    await writeAfterHanding(atTheEnd, onDisk);
    expect(indexOf(dir)).toEqual(indexOf(atTheEnd));
  }, 60_000);

  it('is made again, holding every page, when a searchable page comes after it was written', async () => {
    const all = { ...onDisk, 'sources/report/index.html': page('Report', 'a late searchable page') };
    const dir = site(all);
    const atTheEnd = site(all);
    const fed = new PartedIndex({ parts: 1, pagesDir: dir });
    hand(fed, onDisk);
    fed.seal();
    hand(fed, { 'sources/report/index.html': all['sources/report/index.html'] });
    expect(fed.late).toBe(true);
    expect(await finishIndex(dir, { parts: 1 }, fed)).toMatchObject({ pages: 3, fed: 1, early: undefined });
    await writeAfterHanding(atTheEnd, all);
    expect(indexOf(dir)).toEqual(indexOf(atTheEnd));
  }, 60_000);
});

describe('a search index in parts', () => {
  const PARTS = 4;
  // Twelve pages: enough that every one of four parts holds some (checked below, since parts follow a hash).
  const pages = Object.fromEntries(
    Array.from({ length: 12 }, (_, i) => [`syria/profile-${i}/index.html`, page(`Profile ${i}`, `risk number ${i}`)]),
  );
  const partsUsed = new Set(Object.keys(pages).map((f) => partOf(f, PARTS)));

  it('puts the first part with pages in the index folder with Pagefind’s scripts, and each other in a folder the manifest lists', async () => {
    expect(partsUsed.size).toBe(PARTS);
    const dir = site(pages);
    expect(await writeAfterHanding(dir, pages, { parts: PARTS })).toMatchObject({ pages: 12, parts: 4, fed: 4 });
    const files = outputFiles(join(dir, 'pagefind'));
    const manifest = JSON.parse(readFileSync(join(dir, 'pagefind', INDEX_PARTS_FILE), 'utf8')) as { merge: string[] };
    expect(manifest.merge).toEqual(['part-1/', 'part-2/', 'part-3/']);
    expect(files).toContain('pagefind.js');
    expect(files).toContain('pagefind-entry.json');
    for (const folder of manifest.merge) {
      const own = files.filter((f) => f.startsWith(folder)).map((f) => f.slice(folder.length));
      expect(own).toContain('pagefind-entry.json');
      expect(own.some((f) => f.endsWith('.pf_meta'))).toBe(true);
      // A merged part uses the primary index's scripts and WebAssembly; it carries none of its own.
      expect(
        own.filter((f) => !/^(pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|(index|fragment|filter)\/.+)$/.test(f)),
      ).toEqual([]);
    }
    expect(files.filter((f) => /pagefind-ui|modular-ui|component-ui|highlight/.test(f))).toEqual([]);
  }, 60_000);

  it('is published from the store when no page changed, byte for byte as indexing the pages again writes it', async () => {
    const setup = keptIn(PARTS);
    const first = site(pages);
    await writeAfterHanding(first, pages, setup);
    const again = site(pages);
    expect(await writeAfterHanding(again, pages, setup)).toMatchObject({ fed: 0, disk: 0, kept: 4 });
    expect(indexOf(again)).toEqual(indexOf(first));
  }, 60_000);

  // Profile 5 is not the first page of its part, so the pages before it were only noted when it came.
  const edited = { ...pages, 'syria/profile-5/index.html': page('Profile 5', 'amnesty decree') };
  const editedPart = partOf('syria/profile-5/index.html', PARTS);
  const before = Object.keys(pages).filter((f, i) => i < 5 && partOf(f, PARTS) === editedPart);

  /** The index a build that keeps nothing writes of `pages`. */
  async function cleanIndexOf(pages: Record<string, string>) {
    const clean = site(pages);
    await writeAfterHanding(clean, pages, { parts: PARTS });
    return indexOf(clean);
  }

  it('indexes again, while rendering, only the part whose page changed, and the result is the index of the new pages', async () => {
    expect(before.length).toBeGreaterThan(0);
    const setup = keptIn(PARTS);
    await writeAfterHanding(site(pages), pages, setup);
    const rebuilt = site(edited);
    expect(await writeAfterHanding(rebuilt, edited, setup)).toMatchObject({ fed: 1, disk: 0, kept: 3 });
    expect(indexOf(rebuilt)).toEqual(await cleanIndexOf(edited));
  }, 60_000);

  it('feeds the part of a rendered page that differs from the kept one as soon as it is heard of, ahead of its turn', async () => {
    const setup = keptIn(PARTS);
    await writeAfterHanding(site(pages), pages, setup);
    const fed = new PartedIndex(setup);
    const unchanged = Object.keys(pages).find((f) => partOf(f, PARTS) !== editedPart)!;
    fed.foresee(unchanged, digestOf(Buffer.from(pages[unchanged])));
    expect(fed.live.size).toBe(0);
    const file = 'syria/profile-5/index.html';
    fed.foresee(file, digestOf(Buffer.from(edited[file])));
    expect([...fed.live.keys()]).toEqual([editedPart]);
    for (const [f, html] of Object.entries(edited)) fed.add(f, { text: html }, digestOf(Buffer.from(html)));
    const rebuilt = site(edited);
    expect(await finishIndex(rebuilt, setup, fed)).toMatchObject({ fed: 1, kept: 3 });
    expect(indexOf(rebuilt)).toEqual(await cleanIndexOf(edited));
  }, 60_000);

  it('reads the pages it noted before the change again from the output folder when they were published there', async () => {
    const setup = keptIn(PARTS);
    await writeAfterHanding(site(pages), pages, setup);
    const rebuilt = site(edited);
    expect(await writeAfterHanding(rebuilt, edited, setup, { published: true })).toMatchObject({ fed: 1, kept: 3 });
    expect(indexOf(rebuilt)).toEqual(await cleanIndexOf(edited));
  }, 60_000);

  it('does not decode a kept page of a part it keeps: whether it is searchable is known from the build before', async () => {
    const verdicts = { file: join(storeDir(), 'verdicts.v1'), code: 'code-1' };
    const setup = { ...keptIn(PARTS), verdicts };
    await writeAfterHanding(site(pages), pages, setup);
    const rebuilt = site(edited);
    const fed = new PartedIndex({ ...setup, pagesDir: rebuilt });
    for (const [file, html] of Object.entries(edited)) {
      const changedPart = partOf(file, PARTS) === editedPart;
      const page = {
        get text(): string {
          if (!changedPart) throw new Error(`${file} was decoded`);
          return html;
        },
      };
      if (fed.searchable(file, digestOf(Buffer.from(html)), page))
        fed.add(file, page, digestOf(Buffer.from(html)), true);
    }
    expect(await finishIndex(rebuilt, setup, fed)).toMatchObject({ fed: 1, kept: 3 });
    expect(indexOf(rebuilt)).toEqual(await cleanIndexOf(edited));
  }, 60_000);

  it('indexes the part from disk at the end when a page it noted was neither held nor published', async () => {
    const setup = keptIn(PARTS);
    await writeAfterHanding(site(pages), pages, setup);
    const rebuilt = site(edited);
    const unheld = { ...setup, heldTextLimit: 0 };
    expect(await writeAfterHanding(rebuilt, edited, unheld)).toMatchObject({ fed: 0, disk: 1, kept: 3 });
    expect(indexOf(rebuilt)).toEqual(await cleanIndexOf(edited));
  }, 60_000);

  it('feeds a part from the first page its kept version does not have, and from disk when a page is gone', async () => {
    const setup = keptIn(PARTS);
    await writeAfterHanding(site(pages), pages, setup);
    const added = { ...pages, 'syria/profile-new/index.html': page('New profile', 'first edition') };
    const withNew = site(added);
    expect(await writeAfterHanding(withNew, added, setup)).toMatchObject({ fed: 1, disk: 0, kept: 3 });
    expect(indexOf(withNew)).toEqual(await cleanIndexOf(added));
    const keptWhole = keptIn(PARTS);
    await writeAfterHanding(site(pages), pages, keptWhole);
    const { ['syria/profile-5/index.html']: _, ...removed } = pages;
    const withoutOne = site(removed);
    expect(await writeAfterHanding(withoutOne, removed, keptWhole)).toMatchObject({ fed: 0, disk: 1, kept: 3 });
    expect(indexOf(withoutOne)).toEqual(await cleanIndexOf(removed));
  }, 60_000);

  it('is indexed again, not published, when a kept file was changed, or the code is not the same', async () => {
    const setup = keptIn(PARTS);
    const first = site(pages);
    await writeAfterHanding(first, pages, setup);
    // Kept files are links to the published ones: writing to a published file changes the kept one.
    writeFileSync(join(first, 'pagefind', 'part-2', 'pagefind-entry.json'), '{"forged":true}');
    const again = site(pages);
    expect(await writeAfterHanding(again, pages, setup)).toMatchObject({ disk: 1, kept: 3 });
    const clean = site(pages);
    await writeAfterHanding(clean, pages, { parts: PARTS });
    expect(indexOf(again)).toEqual(indexOf(clean));
    // After a change of code, nothing kept is used, and every part is indexed while rendering.
    const newCode = site(pages);
    expect(
      await writeAfterHanding(newCode, pages, { ...setup, store: { ...setup.store!, code: 'code-2' } }),
    ).toMatchObject({
      fed: 4,
      kept: 0,
    });
  }, 60_000);
});

describe('a part written over the files of its last write', () => {
  const pages = {
    'law/qd-9/index.html': page('Article 9', 'acts of persecution'),
    'syria/deserters/index.html': page('Deserters', 'conscription evasion and desertion'),
    'syria/returnees/index.html': page('Returnees', 'questioning on arrival at the airport'),
  };
  const edited = { ...pages, 'syria/deserters/index.html': page('Deserters', 'amnesty decrees with narrow terms') };
  /** A site in one part whose last write is kept in a fresh store, as a build keeps it. */
  const seededIn = (): IndexSetup => ({ parts: 1, seeds: { dir: storeDir(), code: 'code-1' } });
  const hashedFiles = (dir: string) => outputFiles(join(dir, 'pagefind')).filter((f) => HASHED_FILE.test(f));

  it('is what a write into an empty folder gives, without the files the part no longer uses', async () => {
    const setup = seededIn();
    const first = site(pages);
    await writeAfterHanding(first, pages, setup);
    const over = site(edited);
    await writeAfterHanding(over, edited, setup);
    const afresh = site(edited);
    await writeAfterHanding(afresh, edited);
    expect(indexOf(over)).toEqual(indexOf(afresh));
    // The fragments of the pages that did not change were taken from the last write, not written again.
    const inode = (dir: string, file: string) => statSync(join(dir, 'pagefind', file)).ino;
    const unchanged = hashedFiles(over).filter((f) => f.startsWith('fragment/') && hashedFiles(first).includes(f));
    expect(unchanged.length).toBe(2);
    for (const f of unchanged) expect(inode(over, f)).toBe(inode(first, f));
  }, 60_000);

  it('names in its metadata every hashed file it is made of, and nothing else', async () => {
    const dir = site(pages);
    await writeAfterHanding(dir, pages);
    expect([...filesInUse(join(dir, 'pagefind'))!].sort()).toEqual(hashedFiles(dir).sort());
  }, 60_000);

  it('cannot be told from metadata that is not as Pagefind writes it', async () => {
    const dir = site(pages);
    await writeAfterHanding(dir, pages);
    for (const entry of [
      '{"languages":{"en":{"hash":7}}}',
      '{"languages":{"en":{"hash":"../../en_x"}}}',
      '{}',
      '{}x',
    ]) {
      writeFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), entry);
      expect(filesInUse(join(dir, 'pagefind')), entry).toBeUndefined();
    }
  }, 60_000);

  it('is written again afresh when which files it uses cannot be told, with none of the files taken left', async () => {
    const folder = site({});
    let writes = 0;
    // A stand-in for Pagefind whose metadata cannot be read, and a store with one file of a last write.
    const index = {
      write: async (into: string) => {
        writes++;
        writeFileSync(join(into, 'pagefind-entry.json'), '{}garbled');
        return [];
      },
    } as unknown as FedIndex;
    const store = {
      seed: (_id: string, _code: string, into: string) => {
        mkdirSync(join(into, 'fragment'), { recursive: true });
        writeFileSync(join(into, 'fragment/en_old.pf_fragment'), 'old');
        return ['fragment/en_old.pf_fragment'];
      },
    } as unknown as IndexPartStore;
    expect(await writePart(index, folder, { store, id: '1/0', code: 'code-1' })).toEqual([]);
    expect(writes).toBe(2);
    expect(existsSync(join(folder, 'fragment/en_old.pf_fragment'))).toBe(false);
  });

  it('does not take a kept file that no longer has its digest', async () => {
    const setup = seededIn();
    const first = site(pages);
    await writeAfterHanding(first, pages, setup);
    // Kept files are links to the published ones: writing to a published file changes the kept one.
    const fragment = hashedFiles(first).find((f) => f.startsWith('fragment/'))!;
    writeFileSync(join(first, 'pagefind', fragment), 'forged');
    const over = site(pages);
    await writeAfterHanding(over, pages, setup);
    expect(readFileSync(join(over, 'pagefind', fragment), 'utf8')).not.toBe('forged');
    const afresh = site(pages);
    await writeAfterHanding(afresh, pages);
    expect(indexOf(over)).toEqual(indexOf(afresh));
  }, 60_000);
});
