/**
 * A Pagefind index fed page by page while Astro renders (see ./rendered-pages.ts): Pagefind parses each page in
 * its own process, on the core rendering leaves idle. It remembers the fingerprint of every page it was given, so
 * that the end of the build can check the pages on disk are exactly those; if they are not, the index is built
 * again from disk.
 */
import * as pagefind from 'pagefind';
import { digestOf } from './rendered-pages.ts';

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

export async function startIndex(): Promise<PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('\n')}`);
  return index;
}

export class FedIndex {
  readonly index: PagefindIndex;
  /** Output path → fingerprint of the text Pagefind was given. */
  private readonly fed = new Map<string, string>();
  private readonly added: Promise<{ errors: string[] }>[] = [];

  constructor(index: PagefindIndex) {
    this.index = index;
  }

  /** Hands one page to Pagefind; `sourcePath` is relative to the site, so Pagefind gives it its published URL. */
  add(sourcePath: string, content: string): void {
    this.fed.set(sourcePath, digestOf(Buffer.from(content)));
    this.added.push(this.index.addHTMLFile({ sourcePath, content }));
  }

  /** Whether Pagefind was given exactly these pages, with exactly this text. */
  holds(pages: Map<string, string>): boolean {
    if (pages.size !== this.fed.size) return false;
    for (const [file, text] of pages) if (this.fed.get(file) !== digestOf(Buffer.from(text))) return false;
    return true;
  }

  /** Every indexing error so far, once Pagefind has answered for every page. */
  async errors(): Promise<string[]> {
    return (await Promise.all(this.added)).flatMap((a) => a.errors);
  }
}
