/**
 * One Pagefind index as the build feeds it: each page handed to Pagefind without what it would leave out of the index
 * (./search-input.ts), with the fingerprint of every page it was given, so that the build can tell whether it holds
 * exactly the pages on disk before it publishes what Pagefind writes (./search-index-build.ts).
 */
import * as pagefind from 'pagefind';
import type { SearchCuts } from '../build-cache/search-cuts.ts';
import { searchInput } from './search-input.ts';

async function startIndex() {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('\n')}`);
  return index;
}

/** One Pagefind index and the fingerprint of every page it was given, in the order given. */
export class FedIndex {
  private readonly ready = startIndex();
  /** Output path → fingerprint of the text Pagefind was given. */
  readonly fed = new Map<string, string>();
  private readonly added: Promise<string[]>[] = [];
  private readonly cuts?: SearchCuts;
  /** The length of the pages' text, and of what Pagefind was handed of it. */
  readonly text = { pages: 0, handed: 0 };

  /** `cuts`, if given, says what to cut from pages an earlier build cut (src/build-cache/search-cuts.ts). */
  constructor(cuts?: SearchCuts) {
    this.cuts = cuts;
    // A failed start is reported by errors() and write(); until then it must not end the process.
    this.ready.catch(() => {});
  }

  /**
   * Hands one page to Pagefind, without what it would leave out of the index (./search-input.ts); `sourcePath` is
   * relative to the site, so Pagefind gives it its published URL.
   */
  add(sourcePath: string, content: string, digest: string): void {
    this.fed.set(sourcePath, digest);
    const input = searchInput(content, this.cuts?.spans(digest, content));
    this.text.pages += content.length;
    this.text.handed += input.length;
    this.added.push(
      this.ready.then((index) => index.addHTMLFile({ sourcePath, content: input })).then((a) => a.errors),
    );
  }

  /** Whether Pagefind was given exactly these pages (output path → fingerprint), with exactly this text. */
  holds(pages: ReadonlyMap<string, string>): boolean {
    return sameEntries(this.fed, pages);
  }

  /** Every indexing error, once Pagefind has answered for every page. */
  async errors(): Promise<string[]> {
    return (await Promise.all(this.added)).flat();
  }

  async write(outputPath: string): Promise<string[]> {
    return (await (await this.ready).writeFiles({ outputPath })).errors;
  }

  /** Deletes the index in Pagefind; once, however often it is asked. */
  drop(): Promise<void> {
    this.dropped ??= this.ready.then((index) => index.deleteIndex()).then(() => {});
    return this.dropped;
  }
  private dropped?: Promise<void>;
}

/** Whether two maps of output path → fingerprint hold the same pages, in any order. */
export function sameEntries(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [file, digest] of b) if (a.get(file) !== digest) return false;
  return true;
}
