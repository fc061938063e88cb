/**
 * Full references and CSL-JSON, at build time with citation-js; nothing of it ships to the browser.
 *
 * Only citation-js's plain-text output is used: its HTML output passes markup in titles through unescaped, and
 * text from content must never reach a page as markup. Pages escape the text as they render it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Corpus } from '../corpus/corpus.ts';
import { editionVersions, toCsl, type CslItem } from './exports/csl-item.ts';

export type { CslItem };
export { editionVersions, toCsl };

// Kept by the collections it is made from, not by the corpus: the pages of one profile render with a corpus of
// their own (src/site/page-scope.ts) that shares the sources and editions of the whole.
const registers = new WeakMap<Corpus['sources'], WeakMap<Corpus['editions'], Map<string, CslItem>>>();

/** Every valid source of the corpus as CSL-JSON, by id, in id order; built once per set of sources and editions. */
export function cslRegister(c: Corpus): Map<string, CslItem> {
  let byEditions = registers.get(c.sources);
  if (!byEditions) registers.set(c.sources, (byEditions = new WeakMap()));
  const cached = byEditions.get(c.editions);
  if (cached) return cached;
  const sources = new Map(
    [...c.sources].flatMap(([id, e]) => (e.data ? [[id, e.data] as const] : [])).sort(([a], [b]) => a.localeCompare(b)),
  );
  const editions = [...c.editions.values()].flatMap((e) => (e.data ? [e.data] : []));
  const versions = editionVersions(sources, editions);
  const register = new Map([...sources].map(([id, s]) => [id, toCsl(id, s, versions.get(id))]));
  byEditions.set(c.editions, register);
  return register;
}

/** One source's CSL-JSON item. */
export function cslOf(c: Corpus, id: string): CslItem {
  const item = cslRegister(c).get(id);
  if (!item) throw new Error(`No valid source "${id}" in the register`);
  return item;
}

/**
 * citation-js, loaded on first use: starting it (and its CSL engine) costs a second or more, and a build whose
 * references are all in the cache never needs it. Loaded with require so that fullReference can stay synchronous.
 */
let citeClass: (new (data: unknown) => { format(kind: string, options: object): string }) | undefined;
function cite() {
  if (!citeClass) {
    const require = createRequire(import.meta.url);
    citeClass = require('@citation-js/core').Cite;
    require('@citation-js/plugin-csl');
  }
  return citeClass!;
}

const FORMAT = { format: 'text', template: 'apa', lang: 'en-US' } as const;

/**
 * What a formatted reference depends on: the CSL item (which is made from the source and the edition titles), the
 * layout and the version of the formatter. A change to any of these gives a new key, so a cached text is never stale.
 */
// Items come from cslRegister, one object per source per corpus: each is hashed once, not once per page citing it.
const keys = new WeakMap<CslItem, string>();
function referenceKey(item: CslItem): string {
  let key = keys.get(item);
  if (key === undefined) {
    key = createHash('sha256')
      .update(JSON.stringify([REFERENCE_FORMAT_VERSION, FORMAT, item]))
      .digest('base64url');
    keys.set(item, key);
  }
  return key;
}
const REFERENCE_FORMAT_VERSION = (() => {
  try {
    const require = createRequire(import.meta.url);
    return `${require('@citation-js/core/package.json').version}/${require('@citation-js/plugin-csl/package.json').version}`;
  } catch {
    return 'unknown';
  }
})();

// Shared through globalThis: the build formats in its integration (src/integrations/content-check.ts), the pages
// read in another module instance.
const shared = globalThis as typeof globalThis & { __cgReferences?: Map<string, string> };
const references = (shared.__cgReferences ??= new Map<string, string>());

/** One reference formatted by citation-js, without the cache: the one formatter, here and in a worker. */
export function formatReference(item: CslItem): string {
  return new (cite())([item]).format('bibliography', FORMAT).trim();
}

/** The full reference as plain text (APA layout; CSL handles the variety of source types). */
export function fullReference(item: CslItem): string {
  const key = referenceKey(item);
  let text = references.get(key);
  if (text === undefined) {
    text = formatReference(item);
    references.set(key, text);
  }
  return text;
}

/** The references of one corpus before formatting: texts known from this process or the cache file, the rest to format. */
interface PendingReferences {
  cacheFile: string;
  stored: number;
  known: Map<string, string>;
  missing: { key: string; item: CslItem }[];
}

/** Looks up every reference of `c` in memory and in `cacheFile` (keyed by content, see referenceKey). */
function pendingReferences(c: Corpus, cacheFile: string): PendingReferences {
  let stored: Record<string, string> = {};
  try {
    if (existsSync(cacheFile)) stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, string>;
  } catch {
    stored = {}; // an unreadable cache is rebuilt
  }
  const known = new Map<string, string>();
  const missing: { key: string; item: CslItem }[] = [];
  for (const item of cslRegister(c).values()) {
    const key = referenceKey(item);
    const text = references.get(key) ?? (typeof stored[key] === 'string' ? stored[key] : undefined);
    if (text === undefined) missing.push({ key, item });
    else known.set(key, text);
  }
  return { cacheFile, stored: Object.keys(stored).length, known, missing };
}

/** Makes the texts available to pages and rewrites the cache file with exactly this corpus's references. */
function storeReferences(pending: PendingReferences, texts: string[]): { formatted: number; total: number } {
  const kept = new Map(pending.known);
  pending.missing.forEach(({ key }, i) => kept.set(key, texts[i]));
  for (const [key, text] of kept) references.set(key, text);
  if (pending.missing.length || pending.stored !== kept.size) {
    mkdirSync(dirname(pending.cacheFile), { recursive: true });
    const temp = `${pending.cacheFile}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(Object.fromEntries(kept)));
    renameSync(temp, pending.cacheFile);
  }
  return { formatted: pending.missing.length, total: kept.size };
}

/**
 * Formats every reference of the corpus before pages render, reusing the texts of earlier builds stored in
 * `cacheFile`; citation-js starts only if a source is new or changed. The file is rewritten with exactly the
 * references of this corpus. Returns how many had to be formatted.
 */
export function prepareReferences(c: Corpus, cacheFile: string): { formatted: number; total: number } {
  const pending = pendingReferences(c, cacheFile);
  return storeReferences(
    pending,
    pending.missing.map(({ item }) => formatReference(item)),
  );
}

/**
 * prepareReferences with the formatting done by `formatAll` (a worker thread, in the build), so that starting
 * citation-js does not hold up the thread that builds. A failed `formatAll` falls back to formatting here, which
 * then reports the formatter's own error.
 */
export async function prepareReferencesWith(
  c: Corpus,
  cacheFile: string,
  formatAll: (items: CslItem[]) => Promise<string[]>,
): Promise<{ formatted: number; total: number }> {
  const pending = pendingReferences(c, cacheFile);
  if (pending.missing.length === 0) return storeReferences(pending, []);
  const items = pending.missing.map(({ item }) => item);
  const texts = await formatAll(items).catch(() => undefined);
  const whole = texts?.length === items.length && texts.every((t) => typeof t === 'string');
  return storeReferences(pending, whole ? texts : items.map(formatReference));
}
