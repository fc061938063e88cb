/**
 * The one Astro collection: profiles, which pages render through it (`render()` compiles their MDX). Everything
 * else (countries, editions, sources, law) is read, validated and cross-checked once by the content check
 * (src/corpus/corpus.ts), whose corpus the pages use; a collection for it would parse and validate every file again
 * and render nothing. For the same reason a profile entry holds no data (src/corpus/profiles-loader.ts): its
 * frontmatter was validated against src/schemas/content.ts by the content check before the build started, and pages
 * take it from there.
 */
import { defineCollection } from 'astro:content';
import { contentDir } from './corpus/content-dir.ts';
import { profilesLoader } from './corpus/profiles-loader.ts';

export const collections = {
  profiles: defineCollection({ loader: profilesLoader(contentDir) }),
};
