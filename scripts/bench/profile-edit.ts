/**
 * The edit both rebuild benchmarks time (`npm run bench` and scripts/bench/incremental.ts): one sentence added to
 * the first finding of one profile of the newest edition of a synthetic corpus (scripts/bench/corpus.ts).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ProfileEdit {
  /** The edited file, relative to the content folder. */
  file: string;
  slug: string;
  /** Writes the profile with `text` added at the end of its first finding. */
  edit(text: string): void;
}

export function oneProfileEdit(contentDir: string): ProfileEdit {
  const country = join(contentDir, 'profiles', 'benchland');
  const month = readdirSync(country).sort().pop()!;
  const slug = readdirSync(join(country, month))
    .sort()
    .find((f) => !f.startsWith('military-service'))!
    .replace(/\.mdx$/, '');
  const path = join(country, month, `${slug}.mdx`);
  const original = readFileSync(path, 'utf8');
  return {
    file: join('profiles', 'benchland', month, `${slug}.mdx`),
    slug,
    edit: (text) => writeFileSync(path, original.replace('\n</Finding>', ` ${text}\n</Finding>`)),
  };
}
