import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { describeIndex, indexFile, searchIndex } from '../../src/integrations/search-index.ts';

// A built index folder: dist/pagefind/ with the library and one chunk.
const dir = mkdtempSync(join(tmpdir(), 'cg-pagefind-'));
const indexDir = join(dir, 'pagefind');
mkdirSync(join(indexDir, 'index'), { recursive: true });
writeFileSync(join(indexDir, 'pagefind.js'), '// pagefind');
writeFileSync(join(indexDir, 'index', 'en_1.pf_index'), 'x');
// A site in parts: the manifest and a merged part's folder (src/integrations/search-parts.ts).
mkdirSync(join(indexDir, 'part-1'), { recursive: true });
writeFileSync(join(indexDir, 'parts.json'), '{"merge":["part-1/"]}');
writeFileSync(join(indexDir, 'part-1', 'pagefind-entry.json'), '{"version":"1.6.0"}');
writeFileSync(join(dir, 'secret.txt'), 'not part of the index');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('indexFile: what the dev server serves under /pagefind/', () => {
  it("maps /pagefind/… to the last build's index, ignoring the query string", () => {
    expect(indexFile(indexDir, '/pagefind/pagefind.js?v=1')).toBe(join(indexDir, 'pagefind.js'));
    expect(indexFile(indexDir, '/pagefind/index/en_1.pf_index')).toBe(join(indexDir, 'index', 'en_1.pf_index'));
  });

  it('answers nothing for files the index does not have, or folders', () => {
    expect(indexFile(indexDir, '/pagefind/missing.js')).toBeNull();
    expect(indexFile(indexDir, '/pagefind/index/')).toBeNull();
  });

  it('never serves a file outside the index folder', () => {
    expect(indexFile(indexDir, '/pagefind/../secret.txt')).toBeNull();
    expect(indexFile(indexDir, '/pagefind/%2e%2e/secret.txt')).toBeNull();
  });
});

/** Runs the integration's dev-server middleware on one request, as `astro dev` would. */
async function devRequest(
  outDir: string,
  url: string,
): Promise<{ status: number; type?: string; body: string; passed: boolean }> {
  const hooks = searchIndex().hooks as Record<string, (options: unknown) => unknown>;
  await hooks['astro:config:done']({
    config: {
      outDir: pathToFileURL(`${outDir}/`),
      root: pathToFileURL(`${outDir}/`),
      cacheDir: pathToFileURL(`${outDir}/.cache/`),
    },
  });
  let middleware: (req: unknown, res: unknown, next: () => void) => void = () => {};
  const logger = { info: () => {}, warn: () => {}, error: () => {} };
  await hooks['astro:server:setup']({
    server: { middlewares: { use: (fn: typeof middleware) => (middleware = fn) } },
    logger,
  });
  return new Promise((done) => {
    const headers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    const res = new Writable({
      write(chunk, _enc, next) {
        chunks.push(Buffer.from(chunk));
        next();
      },
      final(next) {
        next();
        done({
          status: res.statusCode,
          type: headers['content-type'],
          body: Buffer.concat(chunks).toString(),
          passed: false,
        });
      },
    }) as Writable & { statusCode: number; setHeader(k: string, v: string): void; end(body?: string): void };
    res.statusCode = 200;
    res.setHeader = (k, v) => {
      headers[k.toLowerCase()] = v;
    };
    const end = res.end.bind(res);
    res.end = ((body?: string) => {
      if (body) chunks.push(Buffer.from(body));
      return end();
    }) as typeof res.end;
    middleware({ url }, res, () => done({ status: 0, body: '', passed: true }));
  });
}

describe('the line a build logs for its search index', () => {
  it('says how each part was made, the share of the text Pagefind read, and the pages cut as before', () => {
    expect(describeIndex({ pages: 1080, parts: 1, fed: 1, disk: 0, kept: 0, handed: 0.438, cutBefore: 1079 })).toBe(
      'search index: 1080 pages marked data-pagefind-body, in one part (1 indexed while rendering); Pagefind was handed 44 % of their text (1079 pages cut as an earlier build cut them)',
    );
    expect(describeIndex({ pages: 9, parts: 4, fed: 0, disk: 1, kept: 3 })).toBe(
      'search index: 9 pages marked data-pagefind-body, in 4 parts (1 indexed after rendering, 3 kept from an earlier build)',
    );
  });
});

describe('search in `npm run dev`', () => {
  it("serves the last build's index at /pagefind/", async () => {
    const r = await devRequest(dir, '/pagefind/pagefind.js');
    expect(r).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: '// pagefind' });
  });

  it('serves the list of parts and each merged part, so search in development covers the whole site', async () => {
    expect(await devRequest(dir, '/pagefind/parts.json')).toMatchObject({
      status: 200,
      type: 'application/json; charset=utf-8',
      body: '{"merge":["part-1/"]}',
    });
    expect(await devRequest(dir, '/pagefind/part-1/pagefind-entry.json')).toMatchObject({ status: 200 });
  });

  it('without a build, answers /pagefind/ with how to get search', async () => {
    const r = await devRequest(join(dir, 'not-built'), '/pagefind/pagefind.js');
    expect(r.status).toBe(404);
    expect(r.body).toContain('run `npm run build`');
  });

  it('leaves every other request to Astro', async () => {
    expect((await devRequest(dir, '/search/?q=x')).passed).toBe(true);
  });
});
