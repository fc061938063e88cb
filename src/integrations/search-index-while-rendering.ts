/**
 * The search index as a consumer of rendered pages (../prerender-tap/rendered-pages.ts): each searchable page goes
 * to its part of the index as it is rendered (./parted-index.ts); at the end the parts are checked against the
 * disk and written.
 */
import type { PageConsumer, RenderedFile } from '../prerender-tap/rendered-pages.ts';
import { writeSearchIndex, type IndexWritten } from './search-index-build.ts';
import { PartedIndex, type IndexSetup } from './parted-index.ts';
import { SearchablePages } from './searchable-pages.ts';

export default function indexWhileRendering(setup: IndexSetup): PageConsumer<IndexWritten> {
  const fed = new PartedIndex(setup);
  const onDisk = new SearchablePages(fed.judged);
  // Judged once per build: a page heard ahead of its turn is not judged again in it (src/build-cache/search-verdicts.ts).
  const searchable = (rendered: RenderedFile) => fed.searchable(rendered.file, rendered.digest, rendered);
  return {
    // A page's text is decoded only if it is judged or indexed: a kept page of a kept part is neither.
    file: (rendered) => {
      if (!SearchablePages.wants(rendered.file)) return;
      if (searchable(rendered)) fed.add(rendered.file, rendered, rendered.digest, rendered.published);
      else fed.passOver(rendered.file, rendered.digest);
    },
    // A rendered page that differs from the one its part was kept for is known as it renders, often long before its
    // turn (a rebuild places thousands of kept pages before it): its part is fed from then on, not from that turn.
    ahead: (rendered) => {
      if (setup.store && SearchablePages.wants(rendered.file) && searchable(rendered))
        fed.foresee(rendered.file, rendered.digest);
    },
    // Every page that can be searchable is in: the index is written while the rest render.
    rankHeard: (rank) => {
      if (rank === setup.lastSearchableRank) fed.seal();
    },
    wants: SearchablePages.wants,
    onDisk: (found) => onDisk.hear(found),
    finish: (dir, read) => writeSearchIndex(dir, setup, fed, { pages: onDisk, read }),
  };
}
