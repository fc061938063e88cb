/**
 * The search index as a consumer of rendered pages (../prerender-tap/rendered-pages.ts): each searchable page goes to Pagefind,
 * in its own process, as it is rendered; at the end the index is checked against the disk and written.
 */
import type { PageConsumer } from '../prerender-tap/rendered-pages.ts';
import { FedIndex, isSearchable, SearchablePages, writeSearchIndex } from './search-index-build.ts';

export default function indexWhileRendering(): PageConsumer<Awaited<ReturnType<typeof writeSearchIndex>>> {
  const fed = new FedIndex();
  const onDisk = new SearchablePages(fed.judged);
  return {
    file: (rendered) => {
      if (!SearchablePages.wants(rendered.file)) return;
      if (isSearchable(rendered.file, rendered.text)) fed.add(rendered.file, rendered.text, rendered.digest);
      else fed.passOver(rendered.file, rendered.digest);
    },
    wants: SearchablePages.wants,
    onDisk: (found) => onDisk.hear(found),
    finish: (dir, read) => writeSearchIndex(dir, fed, { pages: onDisk, read }),
  };
}
