import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import scanWhileRendering from '../../../src/integrations/dist-scan-while-rendering.ts';
import { renderedFile } from '../../../src/prerender-tap/rendered-pages.ts';
import { readOutput } from '../../../src/prerender-tap/output-on-disk.ts';
import { scanOutput, type ReadBefore } from '../../../src/integrations/dist-scan.ts';
import type { OutputProblem } from '../../../src/publish/dist-scan.ts';

const CSP = `default-src 'self'; object-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`;
const page = (body: string) =>
  `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${CSP}"></head><body>${body}</body></html>`;

let dir = '';
const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * Hands each file to the scan as the build renders it, writes it where Astro would, and finishes on the folder.
 * `kept`: the passes file and code fingerprint of a build that keeps passes for the next one.
 */
async function scanRendered(files: [string, string][], kept: { passes?: string; code?: string } = {}) {
  dir = mkdtempSync(join(tmpdir(), 'cg-scan-'));
  made.push(dir);
  const scan = scanWhileRendering({ shown: 'dist', ...kept });
  for (const [file, html] of files) {
    const bytes = new Uint8Array(Buffer.from(html));
    scan.file(renderedFile(file, bytes));
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), bytes);
  }
  return scan.finish(dir, readOutput(dir, scan.wants!, scan.onDisk!));
}

describe('the publish scan of a page published at two URLs', () => {
  it('passes both copies of a clean page, each counted as scanned while rendering', async () => {
    const html = page('<script type="module" src="/_astro/app.js"></script>');
    const result = await scanRendered([
      ['syria/2025-12/deserters/index.html', html],
      ['syria/deserters/index.html', html],
    ]);
    expect(result).toEqual({ files: 2, scannedEarlier: 2, passedBefore: 0, problems: [] });
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

describe('the publish scan in a rebuild', () => {
  const store = () => {
    const d = mkdtempSync(join(tmpdir(), 'cg-scan-passes-'));
    made.push(d);
    return join(d, 'passes.json');
  };
  const clean = page('<p>clean</p>');

  it('does not read again the bytes an earlier build of the same code passed, and reads new ones', async () => {
    const passes = store();
    await scanRendered([['a/index.html', clean]], { passes, code: 'v1' });
    const again = await scanRendered(
      [
        ['a/index.html', clean],
        ['b/index.html', page('<p>new</p>')],
      ],
      { passes, code: 'v1' },
    );
    expect(again).toMatchObject({ files: 2, passedBefore: 1, problems: [] });
  });

  it('reads everything again after a change of code', async () => {
    const passes = store();
    await scanRendered([['a/index.html', clean]], { passes, code: 'v1' });
    expect(await scanRendered([['a/index.html', clean]], { passes, code: 'v2' })).toMatchObject({ passedBefore: 0 });
  });

  it('does not keep a pass that depended on the URL: the same bytes at another URL are read again', async () => {
    const passes = store();
    const relative = page('<script type="module" src="../_astro/app.js"></script>');
    expect(await scanRendered([['deserters/index.html', relative]], { passes, code: 'v1' })).toMatchObject({
      problems: [],
    });
    const again = await scanRendered([['syria/deserters/index.html', relative]], { passes, code: 'v1' });
    expect(again.problems.map((p) => `${p.file} ${p.rule}`)).toEqual([
      'dist/syria/deserters/index.html foreign-script',
    ]);
  });

  it('keeps nothing from a build whose scan failed', async () => {
    const passes = store();
    await scanRendered(
      [
        ['a/index.html', clean],
        ['b/index.html', page('<p onclick="x()">x</p>')],
      ],
      { passes, code: 'v1' },
    );
    expect(await scanRendered([['a/index.html', clean]], { passes, code: 'v1' })).toMatchObject({ passedBefore: 0 });
  });
});

describe('the publish scan of files written after the output folder was read', () => {
  const settle = () => new Promise((r) => setTimeout(r, 150));
  /** A folder whose one file has a problem, for a problem of the scan's own making. */
  const dirWithHandler = () => {
    const d = mkdtempSync(join(tmpdir(), 'cg-scan-'));
    made.push(d);
    writeFileSync(join(d, 'a.html'), page('<p onclick="x()">x</p>'));
    return d;
  };

  it("reads the files written since (Pagefind's) and any file changed since, and finds their problems", async () => {
    dir = mkdtempSync(join(tmpdir(), 'cg-scan-'));
    made.push(dir);
    const clean = page('<p>clean</p>');
    const scan = scanWhileRendering({ shown: 'dist' });
    for (const file of ['a/index.html', 'b/index.html']) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), clean);
      scan.file(renderedFile(file, new Uint8Array(Buffer.from(clean))));
    }
    await settle();
    const read = readOutput(dir, scan.wants!, scan.onDisk!);
    await read;
    writeFileSync(join(dir, 'b/index.html'), page('<p onclick="x()">x</p>'));
    mkdirSync(join(dir, 'pagefind'));
    writeFileSync(join(dir, 'pagefind/ui.css'), '@import url("https://cdn.example.org/x.css");');
    const result = await scan.finish(dir, read);
    expect(result.files).toBe(3);
    expect([...new Set(result.problems.map((p) => p.file))]).toEqual(['dist/b/index.html', 'dist/pagefind/ui.css']);
  });

  // What was found in a file when it was read is told from a new reading by a finding its bytes do not have.
  it('keeps what was found in a file read earlier while it is unchanged, and reads it again once it changed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cg-scan-'));
    made.push(dir);
    writeFileSync(join(dir, 'a.html'), page('<p>clean</p>'));
    await settle();
    const readBefore: ReadBefore = new Map();
    const found: OutputProblem = {
      ...scanOutput(dirWithHandler(), 'dist').problems[0]!,
      message: 'found when the file was read',
    };
    await readOutput(
      dir,
      () => true,
      (f) => {
        readBefore.set(f.file, { seen: f.seen, problems: [found], scannedEarlier: false });
      },
    );
    expect(scanOutput(dir, 'dist', new Map(), readBefore).problems).toEqual([found]);
    writeFileSync(join(dir, 'a.html'), page('<p>clear</p>'));
    expect(scanOutput(dir, 'dist', new Map(), readBefore).problems).toEqual([]);
  });
});
