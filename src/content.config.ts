/**
 * The one Astro collection: profiles, which pages render through it (`render()` compiles their MDX). Everything
 * else (countries, editions, sources, law) is read, validated and cross-checked once by the content check
 * (src/lib/corpus.ts), whose corpus the pages use; a collection for it would parse and validate every file again
 * and render nothing. For the same reason the profiles collection has no schema: their frontmatter was validated
 * against src/schemas/content.ts by the content check before the build started, and pages take it from there.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { relative } from 'node:path';
import { contentDir } from './lib/content-dir.ts';

// glob() takes `base` relative to the project root; fixtures and the benchmark live elsewhere.
const base = (folder: string) => `./${relative(process.cwd(), contentDir())}/${folder}`.replace(/^\.\/\.\.\//, '../');
const idFromPath = ({ entry }: { entry: string }) => entry.replace(/\.mdx$/, '');

export const collections = {
  profiles: defineCollection({
    // The body is compiled from the file itself (render()); a copy in Astro's data store would only be held in
    // memory and written to its cache (about 60 MB at 10,000 profiles).
    loader: glob({ base: base('profiles'), pattern: '*/*/*.mdx', generateId: idFromPath, retainBody: false }),
  }),
};
