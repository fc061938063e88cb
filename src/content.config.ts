/** Astro collections over content/, validated by the one schema module (src/schemas/content.ts). */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { relative } from 'node:path';
import { contentDir } from './lib/content-dir.ts';
import { CountrySchema, EditionSchema, ProfileSchema, ProvisionSchema, SourceSchema } from './schemas/content.ts';

// glob() takes `base` relative to the project root; fixtures and the benchmark live elsewhere.
const base = (folder: string) => `./${relative(process.cwd(), contentDir())}/${folder}`.replace(/^\.\/\.\.\//, '../');
const idFromPath = ({ entry }: { entry: string }) => entry.replace(/\.(ya?ml|mdx)$/, '');

export const collections = {
  countries: defineCollection({ loader: glob({ base: base('countries'), pattern: '*.yaml', generateId: idFromPath }), schema: CountrySchema }),
  editions: defineCollection({ loader: glob({ base: base('editions'), pattern: '*.yaml', generateId: idFromPath }), schema: EditionSchema }),
  sources: defineCollection({ loader: glob({ base: base('sources'), pattern: '*.yaml', generateId: idFromPath }), schema: SourceSchema }),
  law: defineCollection({ loader: glob({ base: base('law'), pattern: '*.yaml', generateId: idFromPath }), schema: ProvisionSchema }),
  profiles: defineCollection({ loader: glob({ base: base('profiles'), pattern: '*/*/*.mdx', generateId: idFromPath }), schema: ProfileSchema }),
};
