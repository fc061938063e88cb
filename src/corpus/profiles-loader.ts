/**
 * The content loader of the profiles collection. Astro only needs to know which profiles exist and where their files
 * are: `render()` compiles each file itself, and pages take a profile's frontmatter from the checked corpus. So each
 * entry is its id and file, with no data. Astro's `glob()` loader would read every profile again and parse its
 * frontmatter a second time, for data nothing reads that is then written to the content cache and bundled into the
 * build (1.4 MB at 1,000 profiles; 0.2 MB this way).
 */
import type { Loader } from 'astro/loaders';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listContentFiles } from './content-files.ts';
import { parseProfilePath } from './file-names.ts';

/**
 * The profiles under `contentDir`, found as the content check finds them (src/corpus/corpus.ts: the same listing and
 * path rules): id "country/yyyy-mm/profile", file relative to the project root. Whatever the check refuses (a
 * symbolic link, a misplaced file) is left out here and stops the build before it renders.
 */
export function profileEntries(contentDir: string, root: string): { id: string; filePath: string }[] {
  const base = join(contentDir, 'profiles');
  return listContentFiles(contentDir, root, [])
    .get('profiles')!
    .flatMap((full) => {
      const path = parseProfilePath(relative(base, full).split(sep).join('/'));
      if ('message' in path) return [];
      const filePath = relative(root, full).split(sep).join('/');
      return [{ id: `${path.country}/${path.month}/${path.profile}`, filePath }];
    });
}

/** The loader for the profiles in `contentDir`; under `astro dev`, a profile added or removed is seen at once. */
export function profilesLoader(contentDir: () => string): Loader {
  return {
    name: 'cg:profiles',
    load: async ({ store, config, watcher }) => {
      const sync = () => {
        const entries = profileEntries(contentDir(), fileURLToPath(config.root));
        for (const { id, filePath } of entries) {
          // The path is the digest: an entry holds nothing else that could change. An unchanged entry still tells
          // Astro that its file is a module pages render.
          if (!store.set({ id, data: {}, filePath, digest: filePath, deferredRender: true }))
            store.addModuleImport(filePath);
        }
        const ids = new Set(entries.map((e) => e.id));
        for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      };
      sync();
      if (!watcher) return;
      const profiles = join(contentDir(), 'profiles');
      watcher.add(profiles);
      const onFile = (path: string) => {
        if (path.startsWith(profiles + sep) && path.endsWith('.mdx')) sync();
      };
      watcher.on('add', onFile);
      watcher.on('unlink', onFile);
    },
  };
}
