/**
 * The output folder as it stands on disk once rendering is over, read once for every consumer of rendered pages
 * (./rendered-pages.ts): the search index and the publish scan both compare what they were handed while rendering
 * with the bytes on disk, and read the same 86 MB (at 1,000 profiles) to do it. Each file one of them wants is read
 * and fingerprinted once, and handed to each consumer that wants it.
 *
 * A consumer that finishes later than the read (the scan, after Pagefind has written its files) lists the folder
 * again: a file it has not heard of is read then, and a file it heard of counts only if it has not been written
 * since it was read (`unchangedSince`).
 */
import { readdirSync, readFileSync, statSync, type BigIntStats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { digestOf, renderedFile, type RenderedFile } from './rendered-pages.ts';

/** Every file of an output folder, relative to it, "/"-separated, sorted (so every build lists them alike). */
export function outputFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}

/** What a file's status was just before it was read, and when that was (ns since the epoch). */
export interface SeenFile {
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  at: bigint;
}

/** A file of the output folder as read from disk. */
export interface FileOnDisk extends RenderedFile {
  seen: SeenFile;
}

/**
 * File times come from a clock that may lag the real one by a scheduler tick (4-10 ms). A file whose last change
 * is closer than this to the moment it was seen could be changed again with the same times, and is read again.
 */
const TICK_NS = 100_000_000n;

export function seenNow(path: string): SeenFile {
  const at = BigInt(Date.now()) * 1_000_000n;
  const s: BigIntStats = statSync(path, { bigint: true });
  return { ino: s.ino, size: s.size, mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs, at };
}

/**
 * Whether `path` still holds the bytes read when it was `seen`. Any write to a file moves its ctime, which no
 * program can set back (unlike the mtime); a file replaced by another has another inode. `linked`: the file may
 * have gained or lost a hard link since, which moves its ctime as well; only its inode, size and mtime are compared,
 * so a write whose mtime was set back afterwards goes unseen, and the caller must not rest anything on it unchecked.
 */
export function unchangedSince(path: string, seen: SeenFile, { linked = false } = {}): boolean {
  if (seen.mtimeNs + TICK_NS >= seen.at || (!linked && seen.ctimeNs + TICK_NS >= seen.at)) return false;
  const now = statSync(path, { bigint: true, throwIfNoEntry: false });
  return (
    now !== undefined &&
    now.ino === seen.ino &&
    now.size === seen.size &&
    now.mtimeNs === seen.mtimeNs &&
    (linked || now.ctimeNs === seen.ctimeNs)
  );
}

/**
 * A file of the output folder whose status is unchanged since `seen`, just before bytes with `digest` were read from
 * it: it holds those bytes, and is read again only if a consumer asks for them (a consumer that compares digests
 * does not), and then must still have them.
 */
function unchangedFile(path: string, file: string, { digest, seen }: { digest: string; seen: SeenFile }): FileOnDisk {
  let read: RenderedFile | undefined;
  const again = (): RenderedFile => {
    if (read) return read;
    const bytes = readFileSync(path);
    if (digestOf(bytes) !== digest) throw new Error(`${file} changed while the build was writing its output`);
    return (read = renderedFile(file, bytes, digest, true));
  };
  return {
    file,
    digest,
    seen,
    published: true,
    get bytes() {
      return again().bytes;
    },
    get text() {
      return again().text;
    },
  };
}

/**
 * Lists `dir` now, then reads each file `wants` accepts and hands it to `hear`, one file per turn of the event
 * loop: this thread also writes Pagefind's input, and a pipe holds less than one page, so a read of the whole folder
 * in one go would leave Pagefind idle until it is over. Settles when every file has been heard. A file `known` names
 * (read while rendering, with its status just before) is not read again while its status is unchanged since.
 */
export function readOutput(
  dir: string,
  wants: (file: string) => boolean,
  hear: (found: FileOnDisk) => void,
  known: ReadonlyMap<string, { digest: string; seen: SeenFile }> = new Map(),
): Promise<void> {
  const files = outputFiles(dir).filter(wants);
  return (async () => {
    let unread = 0;
    for (const file of files) {
      const path = join(dir, file);
      const before = known.get(file);
      if (before && unchangedSince(path, before.seen)) {
        hear(unchangedFile(path, file, before));
        // Statuses are cheap: a turn of the event loop per hundred keeps Pagefind's pipe moving all the same.
        if (++unread % 100 === 0) await new Promise((next) => setImmediate(next));
        continue;
      }
      // Seen before it is read: a write after this moment shows in its status, whether before or after the read.
      const seen = seenNow(path);
      // Added to the rendered file itself: a copy would decode its text, which a consumer may never read.
      hear(Object.assign(renderedFile(file, readFileSync(path)), { seen }));
      await new Promise((next) => setImmediate(next));
    }
  })();
}
