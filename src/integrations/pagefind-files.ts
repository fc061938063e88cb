/**
 * What a folder Pagefind wrote an index to is made of. Pagefind names its fragments, word index chunks, filters and
 * metadata by a hash of their content, and does not write such a file again where one of that name is already there
 * (pagefind/src/output/mod.rs, WriteBehavior::Immutable): a part written over the files of its last write compresses
 * only what changed. The files it then no longer uses are told from its metadata, which lists them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cbor2';

/** Files named by a hash of their content, relative to the index folder. */
export const HASHED_FILE =
  /^(?:fragment\/[\w-]+\.pf_fragment|index\/[\w-]+\.pf_index|filter\/[\w-]+\.pf_filter|pagefind\.[\w-]+\.pf_meta)$/;

/** What Pagefind puts before the CBOR of each file it compresses. */
const SIGNATURE = 'pagefind_dcd';

const isString = (x: unknown): x is string => typeof x === 'string';
/** The hash at `at` of each entry of a list in the metadata, or undefined if it is not a list of such entries. */
function hashesIn(list: unknown, at: number): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const hashes = list.map((entry) => (Array.isArray(entry) && isString(entry[at]) ? entry[at] : undefined));
  return hashes.every(isString) ? hashes : undefined;
}

/**
 * The hashed files the index in `folder` uses: its metadata file (named in pagefind-entry.json), and the fragments,
 * chunks and filters the metadata lists. Undefined if they cannot be read as Pagefind 1 writes them: the caller then
 * cannot tell which files are unused.
 */
export function filesInUse(folder: string): Set<string> | undefined {
  try {
    const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as {
      languages?: Record<string, { hash?: unknown }>;
    };
    const files = new Set<string>();
    for (const { hash } of Object.values(entry.languages ?? {})) {
      // Read only under the folder: a hash is letters, digits, _ and -.
      if (!isString(hash) || !/^[\w-]+$/.test(hash)) return undefined;
      const meta = `pagefind.${hash}.pf_meta`;
      const raw = gunzipSync(readFileSync(join(folder, meta)));
      if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) return undefined;
      // MetaIndex: [version, pages [[hash, words, …]], index chunks [[from, to, hash]], filters [[name, hash]], …]
      const decoded = decode(raw.subarray(SIGNATURE.length)) as unknown[];
      const [pages, chunks, filters] = [hashesIn(decoded[1], 0), hashesIn(decoded[2], 2), hashesIn(decoded[3], 1)];
      if (!Array.isArray(decoded) || !pages || !chunks || !filters) return undefined;
      files.add(meta);
      for (const h of pages) files.add(`fragment/${h}.pf_fragment`);
      for (const h of chunks) files.add(`index/${h}.pf_index`);
      for (const h of filters) files.add(`filter/${h}.pf_filter`);
    }
    // An index of no language would have no metadata: not one Pagefind wrote.
    return files.size > 0 && [...files].every((f) => HASHED_FILE.test(f)) ? files : undefined;
  } catch {
    return undefined;
  }
}
