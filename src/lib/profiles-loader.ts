/**
 * The content loader of the profiles collection. Astro only needs to know which profiles exist and where their files
 * are: `render()` compiles each file itself, and pages take a profile's frontmatter from the checked corpus. So each
 * entry is its id and file, with no data. Astro's `glob()` loader would read every profile again and parse its
 * frontmatter a second time, for data nothing reads that is then written to the content cache and bundled into the
 * build (1.4 MB at 1,000 profiles; 0.2 MB this way).
 */
import type { Loader } from 'astro/loaders';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Every profile file under `dir` (content/profiles), as "country/yyyy-mm/profile.mdx". Only plain files at that
 * depth, and none if there is no such folder: anything else is reported by the content check, which stops the build
 * before it renders.
 */
export function profileFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.mdx'))
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .filter((file) => file.split('/').length === 3)
    .sort();
}

/** The entries of `dir`'s profiles: id "country/yyyy-mm/profile", the file relative to the project root. */
export function profileEntries(dir: string, root: string): { id: string; filePath: string }[] {
  return profileFiles(dir).map((file) => ({
    id: file.slice(0, -'.mdx'.length),
    filePath: relative(root, join(dir, file)).split(sep).join('/'),
  }));
}

/** The loader for the profiles in `dir`; under `astro dev`, a profile added or removed is seen at once. */
export function profilesLoader(dir: () => string): Loader {
  return {
    name: 'cg:profiles',
    load: async ({ store, config, watcher }) => {
      const sync = () => {
        const entries = profileEntries(dir(), fileURLToPath(config.root));
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
      watcher.add(dir());
      const onFile = (path: string) => {
        if (path.startsWith(dir() + sep) && path.endsWith('.mdx')) sync();
      };
      watcher.on('add', onFile);
      watcher.on('unlink', onFile);
    },
  };
}
