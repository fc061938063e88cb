import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexFile } from '../../src/integrations/search-index.ts';

// A built index folder: dist/pagefind/ with the library and one chunk.
const dir = mkdtempSync(join(tmpdir(), 'cg-pagefind-'));
const indexDir = join(dir, 'pagefind');
mkdirSync(join(indexDir, 'index'), { recursive: true });
writeFileSync(join(indexDir, 'pagefind.js'), '// pagefind');
writeFileSync(join(indexDir, 'index', 'en_1.pf_index'), 'x');
writeFileSync(join(dir, 'secret.txt'), 'not part of the index');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('indexFile: what the dev server serves under /pagefind/', () => {
  it('maps /pagefind/… to the last build\'s index, ignoring the query string', () => {
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
