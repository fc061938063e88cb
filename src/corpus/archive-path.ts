/**
 * Where a source's stored copy (`archive.path`, relative to the content folder) is on disk, provided it stays
 * inside content/archive/. A path is rejected, before anything is read, when it is absolute, climbs with `..`,
 * uses backslashes or passes through a symbolic link: a fingerprint check must never read a file elsewhere on
 * the build machine.
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';

export type ArchivePath = { full: string } | { message: string; hint: string };

const HINT = 'store the copy under content/archive/ and write its path as archive/<file name>';

export function resolveArchivePath(contentDir: string, path: string): ArchivePath {
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path))
    return { message: `the archive path ${path} is absolute`, hint: HINT };
  if (path.includes('\\'))
    return {
      message: `the archive path ${path} uses backslashes`,
      hint: 'write the path with forward slashes: archive/<file name>',
    };
  const parts = path.split('/');
  if (parts.some((part) => part === '..' || part === '.' || part === '')) {
    return { message: `the archive path ${path} has an empty, "." or ".." part`, hint: HINT };
  }
  if (parts[0] !== 'archive' || parts.length < 2)
    return { message: `the archive path ${path} is not inside archive/`, hint: HINT };
  let full = contentDir;
  for (const part of parts) {
    full = join(full, part);
    let stat;
    try {
      stat = lstatSync(full);
    } catch {
      // Missing: the fingerprint check reports it as a missing copy.
      return { full };
    }
    if (stat.isSymbolicLink())
      return {
        message: `the archive path ${path} passes through a symbolic link (${part})`,
        hint: 'replace the link with the file itself; links are never followed',
      };
  }
  return { full };
}
