/**
 * The sources the gate lets citations name in a build: those of the corpus the content check last published. Apart
 * from the gate itself, so that the compile workers (./compile-worker.ts), which are sent the sources, do not load
 * the corpus reader.
 */
import type { Corpus } from '../lib/corpus.ts';
import { getCorpus } from '../lib/site-data.ts';
import type { Source } from '../schemas/content.ts';

const sourcesOf = new WeakMap<Corpus, Map<string, Source>>();

/** Source id → source, for every registered source that passed its schema. */
export function checkedSources(): Map<string, Source> {
  const c = getCorpus();
  let sources = sourcesOf.get(c);
  if (!sources) {
    sources = new Map([...c.sources].flatMap(([id, e]) => (e.data ? [[id, e.data] as const] : [])));
    sourcesOf.set(c, sources);
  }
  return sources;
}
