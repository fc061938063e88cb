/**
 * The index written at the end of a build: Pagefind is asked to write the pages it was handed before they have been
 * checked against the disk; when they differ, that index is thrown away and the one written from disk is the same,
 * byte for byte, as if nothing had been handed over.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FedIndex, SearchablePages, writeSearchIndex } from '../../src/integrations/search-index-build.ts';
import { outputFiles, readOutput } from '../../src/prerender-tap/output-on-disk.ts';
import { digestOf } from '../../src/prerender-tap/rendered-pages.ts';
import { folderWith } from '../support/temp-folder.ts';

const page = (title: string, text: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;

const site = (pages: Record<string, string>) => folderWith(pages, 'cg-search-write-');

/** The index folder: file → bytes. */
const indexOf = (dir: string) =>
  Object.fromEntries(outputFiles(join(dir, 'pagefind')).map((f) => [f, readFileSync(join(dir, 'pagefind', f))]));

/** Hands `handed` to Pagefind as if rendered, then writes the index of `dir` as the build's worker does. */
async function writeAfterHanding(dir: string, handed: Record<string, string>) {
  const fed = new FedIndex();
  for (const [file, html] of Object.entries(handed)) fed.add(file, html, digestOf(Buffer.from(html)));
  const pages = new SearchablePages(fed.judged);
  const read = readOutput(dir, SearchablePages.wants, (f) => pages.hear(f));
  return writeSearchIndex(dir, fed, { pages, read });
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
    expect(await writeAfterHanding(dir, onDisk)).toEqual({ pages: 2, whileRendering: true });
    await writeSearchIndex(fromDisk);
    expect(indexOf(dir)).toEqual(indexOf(fromDisk));
  }, 60_000);

  it('is written again from disk, with nothing left of the first, when a page changed after it was rendered', async () => {
    const dir = site(onDisk);
    const fromDisk = site(onDisk);
    const stale = { ...onDisk, 'syria/deserters/index.html': page('Deserters', 'an older text about amnesty') };
    expect(await writeAfterHanding(dir, stale)).toEqual({ pages: 2, whileRendering: false });
    await writeSearchIndex(fromDisk);
    expect(Object.keys(indexOf(dir)).length).toBeGreaterThan(0);
    expect(indexOf(dir)).toEqual(indexOf(fromDisk));
  }, 60_000);
});
