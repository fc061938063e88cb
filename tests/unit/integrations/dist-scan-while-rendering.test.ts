import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import scanWhileRendering from '../../../src/integrations/dist-scan-while-rendering.ts';
import { renderedFile } from '../../../src/prerender-tap/rendered-pages.ts';

const CSP = `default-src 'self'; object-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`;
const page = (body: string) =>
  `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${CSP}"></head><body>${body}</body></html>`;

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Hands each file to the scan as the build renders it, writes it where Astro would, and finishes on the folder. */
async function scanRendered(files: [string, string][]) {
  dir = mkdtempSync(join(tmpdir(), 'cg-scan-'));
  const scan = scanWhileRendering({ shown: 'dist' });
  for (const [file, html] of files) {
    const bytes = new Uint8Array(Buffer.from(html));
    scan.file(renderedFile(file, bytes));
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), bytes);
  }
  return scan.finish(dir);
}

describe('the publish scan of a page published at two URLs', () => {
  it('passes both copies of a clean page, each counted as scanned while rendering', async () => {
    const html = page('<script type="module" src="/_astro/app.js"></script>');
    const result = await scanRendered([
      ['syria/2025-12/deserters/index.html', html],
      ['syria/deserters/index.html', html],
    ]);
    expect(result).toEqual({ files: 2, scannedEarlier: 2, problems: [] });
  });

  it('still fails the copy whose URL makes a page-relative script foreign, after the other copy passed', async () => {
    const html = page('<script type="module" src="../_astro/app.js"></script>');
    const result = await scanRendered([
      ['deserters/index.html', html],
      ['syria/deserters/index.html', html],
    ]);
    expect(result.problems.map((p) => `${p.file} ${p.rule}`)).toEqual([
      'dist/syria/deserters/index.html foreign-script',
    ]);
  });
});
