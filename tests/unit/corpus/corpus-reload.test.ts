import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/checks/index.ts';
import { loadCorpus } from '../../../src/corpus/corpus.ts';
import { FILES, writeFixture } from '../support/corpus-fixture.ts';

// The dev server reloads the whole corpus on every save; unchanged profiles are reused, changed ones parsed again.
describe('loading the corpus again after an edit', () => {
  it('reuses the profiles whose text is unchanged and reads the edited one afresh', () => {
    const dir = writeFixture();
    const first = loadCorpus(dir, dir);
    const file = join(dir, FILES.deserters);
    writeFileSync(file, readFileSync(file, 'utf8').replace('\n</Finding>', ' An added sentence.\n</Finding>'));
    const second = loadCorpus(dir, dir);
    const byFile = (c: typeof first, f: string) => c.profiles.find((p) => p.file === f)!;
    expect(byFile(second, FILES.evaders2023)).toBe(byFile(first, FILES.evaders2023));
    expect(byFile(second, FILES.deserters)).not.toBe(byFile(first, FILES.deserters));
    expect(byFile(second, FILES.deserters).scan.findings.some((f) => f.text.includes('An added sentence.'))).toBe(true);
  });

  it("reports a reused file's problems again, and drops them once the file is fixed", () => {
    const dir = writeFixture();
    const file = join(dir, FILES.deserters);
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('\n</Finding>', ' {1 + 1}\n</Finding>'));
    const rules = () =>
      runChecks(loadCorpus(dir, dir))
        .filter((p) => p.severity === 'error')
        .map((p) => `${p.file} ${p.rule}`);
    expect(rules()).toEqual([`${FILES.deserters} unsafe-mdx`]);
    expect(rules()).toEqual([`${FILES.deserters} unsafe-mdx`]);
    writeFileSync(file, good);
    expect(rules()).toEqual([]);
  });
});
