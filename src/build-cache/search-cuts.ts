/**
 * What Pagefind was handed of each page in earlier builds: the spans cut from it (src/integrations/search-input.ts),
 * by the code that cut them (the code fingerprint) and the SHA-256 of the page's bytes. A rebuild hands Pagefind
 * the pages it kept without parsing them again. Anything unreadable in the record means "parse everything"; a span
 * that is not an ignored element of the page it is applied to makes searchInput hand the page over whole.
 */
import { readCacheFileSync, writeCacheFile } from './cache-file.ts';
import { cacheKey } from './cache-key.ts';
import { cuttableSpans } from '../integrations/search-input.ts';

type Spans = [number, number][];

/** Spans as the record keeps them: start, end, start, end… (one typed array per page reads back in one piece). */
const flat = (spans: Spans) => Uint32Array.from(spans.flat());

function unflat(value: unknown): Spans | undefined {
  if (!(value instanceof Uint32Array) || value.length % 2 !== 0) return undefined;
  const spans: Spans = [];
  for (let i = 0; i < value.length; i += 2) spans.push([value[i], value[i + 1]]);
  return spans;
}

export class SearchCuts {
  private readonly earlier: Map<string, unknown>;
  private readonly now = new Map<string, Spans>();
  /** How many pages were cut as an earlier build cut them. */
  reused = 0;

  private readonly file: string;
  private readonly code: string;

  /** Reads the cuts kept in `file` by code `code` ('' keeps none). */
  constructor(file: string, code: string) {
    this.file = file;
    this.code = code;
    this.earlier = file ? readCacheFileSync(file) : new Map();
  }

  /** The spans to cut from `text`, whose fingerprint is `digest`; kept for the next build either way. */
  spans(digest: string, text: string): Spans {
    const key = cacheKey(this.code, digest);
    let spans = this.now.get(key);
    if (spans) return spans;
    const before = unflat(this.earlier.get(key));
    if (before) {
      spans = before;
      this.reused++;
    } else spans = cuttableSpans(text);
    this.now.set(key, spans);
    return spans;
  }

  /** Keeps this build's cuts, and only those, for the next build. */
  async save(): Promise<void> {
    if (this.file) await writeCacheFile(this.file, new Map([...this.now].map(([key, spans]) => [key, flat(spans)])));
  }
}
