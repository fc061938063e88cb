/**
 * Opens the search index in the browser: Pagefind's JS API from this site's /pagefind/ (never another origin),
 * configured as every search here is, with the index's parts merged (src/integrations/search-parts.ts).
 */
import {
  INDEX_PARTS_FILE,
  PAGEFIND_OPTIONS,
  PAGEFIND_PATH,
  PART_FILTER,
  PART_FOLDER,
  PRIMARY_PART,
} from '../../shared/search-config.ts';
import type { PagefindSearch } from '../../shared/search-run.ts';

/** Pagefind's JS API (pagefind_web_js/types/index.d.ts, 1.6.0): the parts the search page uses. */
interface PagefindModule extends PagefindSearch {
  options(options: object): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: object): Promise<void>;
  preload(term: string, options?: object): Promise<void>;
  filters(): Promise<unknown>;
}

/** The index as the search page uses it: searches, and the names of its parts. */
export interface Pagefind extends PagefindSearch {
  preload(term: string): Promise<void>;
  readonly parts: readonly string[];
}

/**
 * The part folders the manifest lists. Only names of the form the build writes are taken, so that nothing in the
 * file can point the search at another path; a missing or unreadable manifest means a site in one part.
 */
export function partsToMerge(manifest: unknown): string[] {
  const merge = (manifest as { merge?: unknown } | null)?.merge;
  return Array.isArray(merge) ? merge.filter((p): p is string => typeof p === 'string' && PART_FOLDER.test(p)) : [];
}

async function readParts(): Promise<string[]> {
  try {
    const response = await fetch(`${PAGEFIND_PATH}${INDEX_PARTS_FILE}`, { cache: 'no-cache' });
    return response.ok ? partsToMerge(await response.json()) : [];
  } catch {
    return [];
  }
}

/**
 * Loads Pagefind and merges every part of the index, each part's pages marked with its name (PART_FILTER). The URL
 * is built at run time so that Vite leaves it alone.
 */
export async function openIndex(): Promise<Pagefind> {
  const folders = readParts();
  const pagefind = (await import(/* @vite-ignore */ `${PAGEFIND_PATH}pagefind.js`)) as PagefindModule;
  await pagefind.options(PAGEFIND_OPTIONS);
  await pagefind.init();
  const merged = await folders;
  // A part is named by its folder without the slash.
  const names = merged.map((folder) => folder.slice(0, -1));
  const parts = merged.length ? [PRIMARY_PART, ...names] : [];
  if (merged.length) await pagefind.options({ mergeFilter: { [PART_FILTER]: PRIMARY_PART } });
  // Each part is ranked with the same settings as the primary index.
  await Promise.all(
    merged.map((folder, i) =>
      pagefind.mergeIndex(`${PAGEFIND_PATH}${folder}`, {
        ...PAGEFIND_OPTIONS,
        mergeFilter: { [PART_FILTER]: names[i] },
      }),
    ),
  );
  // Filter counts come back with results only for filters already loaded.
  await pagefind.filters();
  return {
    search: (term, options) => pagefind.search(term, options),
    preload: (term) => pagefind.preload(term),
    parts,
  };
}
