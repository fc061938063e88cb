/**
 * Writing one part of the search index over the files its last write left in the store of parts
 * (src/build-cache/index-part-store.ts seed): Pagefind does not compress again a file it names by its content and
 * finds there already (./pagefind-files.ts), so a rebuild compresses only the fragments and chunks that changed. At
 * 1,000 profiles, writing the index of one part took 0.8 s over the files of the build before, against 1.4–1.6 s into
 * an empty folder. What the part no longer uses is removed after, as its metadata tells; where that cannot be read,
 * the part is written again afresh. Either way the folder holds what a write into an empty folder gives.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexPartStore } from '../build-cache/index-part-store.ts';
import { outputFiles } from '../prerender-tap/output-on-disk.ts';
import type { FedIndex } from './fed-index.ts';
import { filesInUse, HASHED_FILE } from './pagefind-files.ts';

/** The store a part's last write is kept in, the part's id there, and the code it must have been written with. */
export interface Seeds {
  store: IndexPartStore;
  id: string;
  code: string;
}

/** Writes `index` into `folder`, over the files of the part's last write if `seeds` names them; Pagefind's errors. */
export async function writePart(index: FedIndex, folder: string, seeds?: Seeds): Promise<string[]> {
  const seeded = seeds ? seeds.store.seed(seeds.id, seeds.code, folder, HASHED_FILE) : [];
  const errors = await index.write(folder);
  if (errors.length || seeded.length === 0) return errors;
  const used = filesInUse(folder);
  if (used && [...used].every((file) => existsSync(join(folder, file)))) {
    for (const file of seeded) if (!used.has(file)) rmSync(join(folder, file), { force: true });
    return [];
  }
  // Which of the files the index uses cannot be told: none of them is trusted, and Pagefind writes them all.
  for (const file of outputFiles(folder)) if (HASHED_FILE.test(file)) rmSync(join(folder, file), { force: true });
  return index.write(folder);
}
