/**
 * What Pagefind is handed of a page: the page without the ignored parts that cannot reach the index. Pagefind makes
 * the same index from what it is handed as from the whole page, byte for byte; anything that might reach the index,
 * or that the cut cannot be sure of, is handed over as written.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { cuttableSpans, searchInput } from '../../src/integrations/search-input.ts';
import { SearchCuts } from '../../src/build-cache/search-cuts.ts';
import { writeCacheFile } from '../../src/build-cache/cache-file.ts';
import { cacheKey } from '../../src/build-cache/cache-key.ts';
import { outputFiles } from '../../src/prerender-tap/output-on-disk.ts';

const page = (body: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>T</title></head><body><main data-pagefind-body><h1>Deserters</h1>${body}</main></body></html>`;

const CITE = `<details class="cite-this" data-pagefind-ignore><summary>Cite</summary><dl><dt>Citation</dt><dd>Country Guidance, Deserters &lt;http://x/&gt;</dd></dl></details>`;
const FILTERS = `<div hidden data-pagefind-ignore><span data-pagefind-filter="kind">profile</span><span data-pagefind-meta="status">current</span></div>`;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Pagefind's index of `pages` (path → HTML), in that order: file → bytes. */
async function indexOf(pages: Record<string, string>): Promise<Record<string, Buffer>> {
  const out = mkdtempSync(join(tmpdir(), 'cg-search-input-'));
  dirs.push(out);
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
  for (const [sourcePath, content] of Object.entries(pages)) {
    const { errors } = await index!.addHTMLFile({ sourcePath, content });
    expect(errors).toEqual([]);
  }
  await index!.writeFiles({ outputPath: out });
  await index!.deleteIndex();
  return Object.fromEntries(outputFiles(out).map((f) => [f, readFileSync(join(out, f))]));
}

describe('what Pagefind is handed of a page', () => {
  it('leaves out an ignored element, start tag to end tag, and keeps the rest as written', () => {
    const html = page(`<p>before</p>${CITE}<p>after</p>`);
    expect(searchInput(html)).toBe(page('<p>before</p><p>after</p>'));
  });

  it('keeps an ignored element that holds a filter or a meta field, which Pagefind still reads', () => {
    const html = page(`${FILTERS}${CITE}`);
    expect(searchInput(html)).toBe(page(FILTERS));
  });

  it('keeps an ignored element that holds a heading or an image, or carries a weight', () => {
    for (const inside of ['<h2 id="refs">References</h2>', '<img src="/a.png" alt="map">']) {
      const html = page(`<section data-pagefind-ignore>${inside}</section>`);
      expect(searchInput(html)).toBe(html);
    }
    const weighted = page('<p data-pagefind-ignore data-pagefind-weight="2">x</p>');
    expect(searchInput(weighted)).toBe(weighted);
  });

  it('cuts the outermost of nested ignored elements once', () => {
    const html = page(`<div data-pagefind-ignore><p data-pagefind-ignore>a</p><p>b</p></div><p>c</p>`);
    expect(cuttableSpans(html)).toHaveLength(1);
    expect(searchInput(html)).toBe(page('<p>c</p>'));
  });

  it('hands over whole an element closed only by implication, and whatever encloses it', () => {
    // A <p> left open inside the ignored <div>: the parsers could disagree on where it ends.
    const html = page(`<div data-pagefind-ignore><p>open paragraph</div><p>c</p>`);
    expect(searchInput(html)).toBe(html);
    const unclosed = page(`<p data-pagefind-ignore>one<p>two`);
    expect(searchInput(unclosed)).toBe(unclosed);
  });

  it('hands over the whole page when the cut text spells one of Pagefind’s attributes', () => {
    // Written as text inside an ignored element: no element carries it, but the page is not cut on a guess.
    const html = page(`<p data-pagefind-ignore>set data-pagefind-filter="kind" on the element</p>`);
    expect(searchInput(html)).toBe(html);
  });

  it('hands over whole an ignored element written against a word, which the cut would join to the next', () => {
    // Pagefind reads "Conscription" and "ended" on either side; cut, they would read as one word.
    const html = page('<p>Conscription<span data-pagefind-ignore>[1]</span>ended</p>');
    expect(searchInput(html)).toBe(html);
    const spaced = page('<p>Conscription <span data-pagefind-ignore>[1]</span> ended</p>');
    expect(searchInput(spaced)).toBe(page('<p>Conscription  ended</p>'));
  });

  it('hands over the whole page for spans that are not ignored elements of it', () => {
    const html = page(`<p>before</p>${CITE}`);
    const [span] = cuttableSpans(html);
    expect(searchInput(html, [[span[0] + 1, span[1]]])).toBe(html);
    expect(searchInput(html, [[0, html.length + 5]])).toBe(html);
    expect(searchInput(html, [span, span])).toBe(html);
    expect(searchInput(html, [span])).toBe(page('<p>before</p>'));
  });

  it('is the page itself when nothing is ignored', () => {
    const html = page('<p>Conscription evasion</p>');
    expect(searchInput(html)).toBe(html);
  });

  it('gives Pagefind what it needs for the same index, byte for byte', async () => {
    const pages = {
      'syria/deserters/index.html': page(
        `${FILTERS}<p>Desertion is punished.</p>${CITE}<ol class="references" data-pagefind-ignore><li>Report, p. 4</li></ol>`,
      ),
      'syria/returnees/index.html': page(
        `<h2 id="risk">Risk</h2><p>Returnees questioned.</p><nav data-pagefind-ignore><a href="/x/">Editions</a></nav>`,
      ),
    };
    const cut = Object.fromEntries(Object.entries(pages).map(([p, html]) => [p, searchInput(html)]));
    expect(cut['syria/deserters/index.html'].length).toBeLessThan(pages['syria/deserters/index.html'].length);
    expect(await indexOf(cut)).toEqual(await indexOf(pages));
  });
});

describe('what was cut from pages in earlier builds', () => {
  const html = page(`<p>before</p>${CITE}`);

  it('is reused for the same bytes and code, and parsed again otherwise', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cg-search-cuts-')), 'cuts.v8');
    dirs.push(join(file, '..'));
    const first = new SearchCuts(file, 'code-1');
    expect(first.spans('digest-a', html)).toEqual(cuttableSpans(html));
    expect(first.reused).toBe(0);
    await first.save();

    const again = new SearchCuts(file, 'code-1');
    expect(again.spans('digest-a', html)).toEqual(cuttableSpans(html));
    expect(again.reused).toBe(1);

    const otherCode = new SearchCuts(file, 'code-2');
    otherCode.spans('digest-a', html);
    expect(otherCode.reused).toBe(0);
  });

  it('is parsed again when the record holds something other than spans', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cg-search-cuts-')), 'cuts.v8');
    dirs.push(join(file, '..'));
    await writeCacheFile(file, new Map([[cacheKey('code-1', 'digest-a'), Uint32Array.from([0, 5, 9])]]));
    const cuts = new SearchCuts(file, 'code-1');
    expect(cuts.spans('digest-a', html)).toEqual(cuttableSpans(html));
    expect(cuts.reused).toBe(0);
  });
});
