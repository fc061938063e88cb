/**
 * The search index as a consumer of rendered pages (../prerender-tap/rendered-pages.ts): each searchable page goes
 * to its part of the index as it is rendered (./search-index-build.ts); at the end the parts are checked against the
 * disk and written.
 */
import type { PageConsumer } from '../prerender-tap/rendered-pages.ts';
import {
  isSearchable,
  PartedIndex,
  SearchablePages,
  writeSearchIndex,
  type IndexSetup,
  type IndexWritten,
} from './search-index-build.ts';

export default function indexWhileRendering(setup: IndexSetup): PageConsumer<IndexWritten> {
  const fed = new PartedIndex(setup);
  const onDisk = new SearchablePages(fed.judged);
  return {
    file: (rendered) => {
      if (!SearchablePages.wants(rendered.file)) return;
      if (isSearchable(rendered.file, rendered.text)) fed.add(rendered.file, rendered.text, rendered.digest, rendered.published);
      else fed.passOver(rendered.file, rendered.digest);
    },
    wants: SearchablePages.wants,
    onDisk: (found) => onDisk.hear(found),
    finish: (dir, read) => writeSearchIndex(dir, setup, fed, { pages: onDisk, read }),
  };
}
