/**
 * The sources the gate lets citations name, and the findings cross-references may link, in a build: those of the corpus the content check last published. Apart
 * from the gate itself, so that the compile workers (./compile-worker.ts), which are sent the sources, do not load
 * the corpus reader.
 */
import type { Corpus } from '../corpus/corpus.ts';
import { getCorpus } from '../site/site-data.ts';
import type { Source } from '../schemas/content.ts';
import { findingTitles } from '../checks/finding-links.ts';

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

const titlesOf = new WeakMap<Corpus, Map<string, string>>();

/** `country/month/profile#id` → title, for every finding of the corpus: what a cross-reference may link. */
export function checkedFindingTitles(): Map<string, string> {
  const c = getCorpus();
  let titles = titlesOf.get(c);
  if (!titles) {
    titles = findingTitles(c);
    titlesOf.set(c, titles);
  }
  return titles;
}
