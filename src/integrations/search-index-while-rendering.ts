/**
 * The search index as a consumer of rendered pages (./rendered-pages.ts): each searchable page goes to Pagefind,
 * in its own process, as it is rendered; at the end the index is checked against the disk and written.
 */
import { textOf, type PageConsumer } from './rendered-pages.ts';
import { FedIndex, isSearchable, writeSearchIndex } from './search-index-build.ts';

export default function indexWhileRendering(): PageConsumer<Awaited<ReturnType<typeof writeSearchIndex>>> {
  const fed = new FedIndex();
  return {
    file: ({ file, bytes, digest }) => {
      if (!file.endsWith('.html')) return;
      const text = textOf(bytes);
      if (isSearchable(file, text)) fed.add(file, text, digest);
    },
    finish: (dir) => writeSearchIndex(dir, fed),
  };
}
