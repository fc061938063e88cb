/**
 * Formatted references are made once per build: from the cache of earlier builds where a source is unchanged, and
 * otherwise by citation-js, in the build on a worker thread (formatReferencesAside) while Astro syncs content.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  cslRegister,
  formatReference,
  fullReference,
  prepareReferences,
  prepareReferencesWith,
  type CslItem,
} from '../../../src/citing/csl.ts';
import { loadCorpus } from '../../../src/corpus/corpus.ts';
import { formatReferencesAside } from '../../../src/integrations/format-references.ts';

const corpus = loadCorpus('tests/fixtures/valid');
const items = [...cslRegister(corpus).values()];
let dir = '';
let cache = '';

/** What pages read is kept in this process (shared through globalThis); each test starts without it. */
function forgetFormattedReferences() {
  (globalThis as { __cgReferences?: Map<string, string> }).__cgReferences?.clear();
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cg-references-'));
  cache = join(dir, 'cg-references.json');
  forgetFormattedReferences();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('references prepared for a build', () => {
  it('are formatted by the given formatter when nothing is cached, and pages then read them', async () => {
    const formatAll = vi.fn(async (batch: CslItem[]) => batch.map((item) => `formatted ${item.id}`));
    const result = await prepareReferencesWith(corpus, cache, formatAll);
    expect(result).toEqual({ formatted: items.length, total: items.length });
    expect(formatAll).toHaveBeenCalledTimes(1);
    expect(formatAll.mock.calls[0][0].map((i) => i.id)).toEqual(items.map((i) => i.id));
    expect(fullReference(items[0])).toBe(`formatted ${items[0].id}`);
    expect(Object.values(JSON.parse(readFileSync(cache, 'utf8')))).toContain(`formatted ${items[0].id}`);
  });

  it('come from the cache of an earlier build without starting the formatter', async () => {
    prepareReferences(corpus, cache);
    forgetFormattedReferences();
    const formatAll = vi.fn(async (batch: CslItem[]) => batch.map(() => 'not used'));
    expect(await prepareReferencesWith(corpus, cache, formatAll)).toEqual({ formatted: 0, total: items.length });
    expect(formatAll).not.toHaveBeenCalled();
    expect(fullReference(items[0])).toBe(formatReference(items[0]));
  });

  it('are formatted in this process when the worker fails or answers for the wrong number of sources', async () => {
    await prepareReferencesWith(corpus, cache, async () => Promise.reject(new Error('worker gone')));
    expect(fullReference(items[0])).toBe(formatReference(items[0]));
    rmSync(cache);
    forgetFormattedReferences();
    await prepareReferencesWith(corpus, cache, async () => ['only one']);
    expect(items.map(fullReference)).toEqual(items.map(formatReference));
  });

  it('formatted in a worker thread read exactly as formatted here', async () => {
    expect(await formatReferencesAside(items)).toEqual(items.map(formatReference));
  }, 30_000);
});
