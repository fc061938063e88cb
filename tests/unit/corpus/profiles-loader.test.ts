/**
 * The profiles collection's loader (src/corpus/profiles-loader.ts): Astro learns which profiles exist and where their
 * files are, and nothing else; profiles removed since the last build leave the store.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { profileEntries, profilesLoader } from '../../../src/corpus/profiles-loader.ts';

const root = mkdtempSync(join(tmpdir(), 'profiles-loader-'));
const content = join(root, 'content');
const dir = join(content, 'profiles');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const write = (file: string) => {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), '---\ntitle: T\n---\nText.\n');
};
write('syria/2025-12/deserters.mdx');
write('syria/2024-04/draft-evaders.mdx');
write('syria/2025-12/notes.md');
write('syria/stray.mdx');
symlinkSync(join(dir, 'syria/2025-12/deserters.mdx'), join(dir, 'syria/2025-12/linked.mdx'));

/** A store as Astro's content layer gives a loader, recording what was set. */
function fakeStore(existing: string[] = []) {
  const entries = new Map<string, { filePath?: string; deferredRender?: boolean; data: unknown }>(
    existing.map((id) => [id, { data: {} }]),
  );
  const modules: string[] = [];
  return {
    entries,
    modules,
    set: (e: { id: string; data: unknown; filePath?: string; digest?: string; deferredRender?: boolean }) => {
      entries.set(e.id, e);
      if (e.deferredRender && e.filePath) modules.push(e.filePath);
      return true;
    },
    addModuleImport: (file: string) => modules.push(file),
    keys: () => [...entries.keys()],
    delete: (id: string) => entries.delete(id),
  };
}

describe('the profiles Astro renders', () => {
  it('are the .mdx files at country/edition/profile depth, not other files, strays or symbolic links', () => {
    expect(profileEntries(content, root).map((e) => e.id)).toEqual([
      'syria/2024-04/draft-evaders',
      'syria/2025-12/deserters',
    ]);
  });

  it('are named by their path, with their file relative to the project root', () => {
    expect(profileEntries(content, root)).toEqual([
      { id: 'syria/2024-04/draft-evaders', filePath: 'content/profiles/syria/2024-04/draft-evaders.mdx' },
      { id: 'syria/2025-12/deserters', filePath: 'content/profiles/syria/2025-12/deserters.mdx' },
    ]);
  });

  it('are none when there is no profiles folder (the content check reports that)', () => {
    expect(profileEntries(join(root, 'missing'), root)).toEqual([]);
  });

  it('reach the store as render-only entries with no data, and a profile since removed leaves it', async () => {
    const store = fakeStore(['syria/2023-02/retired']);
    const context = { store, config: { root: pathToFileURL(root + '/') } };
    await profilesLoader(() => content).load(context as never);
    expect([...store.entries.keys()].sort()).toEqual(['syria/2024-04/draft-evaders', 'syria/2025-12/deserters']);
    expect(store.entries.get('syria/2025-12/deserters')).toMatchObject({
      data: {},
      deferredRender: true,
      filePath: 'content/profiles/syria/2025-12/deserters.mdx',
    });
    expect(store.modules.sort()).toEqual([
      'content/profiles/syria/2024-04/draft-evaders.mdx',
      'content/profiles/syria/2025-12/deserters.mdx',
    ]);
  });
});
