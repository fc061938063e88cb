/**
 * Which files make up the content, and their text: only regular files inside the content folder, read as strict
 * UTF-8. Anything else (a symlink, a device, a file in no known place, bytes that are not UTF-8, a file the
 * system will not let us read) is a located problem, never a crash and never silently skipped.
 *
 * Why symlinks are refused rather than followed: a link can publish a file from anywhere on the build machine,
 * and a dangling or looping one used to crash the build. Content is plain files in one folder, so nothing is lost.
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { sizeProblem } from './content-limits.ts';
import type { Problem } from './problem.ts';
import { utf8Problem } from './utf8.ts';

/** The folders of content/, and what each holds. */
export const CONTENT_FOLDERS = ['countries', 'editions', 'sources', 'law', 'profiles', 'archive'] as const;
export type ContentFolder = (typeof CONTENT_FOLDERS)[number];

const KNOWN = new Set<string>(CONTENT_FOLDERS);
/** Files at the top of content/ that are not entries: the record of published URLs (src/site/url-manifest.ts). */
export const CONTENT_ROOT_FILES = new Set(['published-urls.txt']);

/** A path as shown in messages: relative to the project root, with forward slashes. */
export function displayPath(root: string, full: string): string {
  return relative(root, full).split(sep).join('/') || '.';
}

function fsProblem(file: string, error: unknown, doing: string): Problem {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  const reason = (error as Error).message?.split('\n')[0].replace(/, \w+ '.*'$/, '') ?? String(error);
  return {
    file,
    line: 1,
    column: 1,
    severity: 'error',
    rule: 'unreadable-file',
    message: `cannot ${doing}: ${reason}`,
    hint:
      code === 'EACCES'
        ? 'give the build read permission on it'
        : 'check that it is a plain file (or folder) the build can read',
  };
}

function entryKind(d: Dirent): string | null {
  if (d.isSymbolicLink()) return 'a symbolic link';
  if (d.isFile() || d.isDirectory()) return null;
  if (d.isFIFO()) return 'a named pipe';
  if (d.isSocket()) return 'a socket';
  return 'a device file';
}

/**
 * Lists every regular file under `contentDir`, by top folder, sorted. Symlinks are reported at the link itself
 * and not followed; files outside the known folders are reported as unknown.
 */
export function listContentFiles(contentDir: string, root: string, problems: Problem[]): Map<ContentFolder, string[]> {
  const byFolder = new Map<ContentFolder, string[]>(CONTENT_FOLDERS.map((f) => [f, []]));
  const walk = (dir: string, folder: ContentFolder | null): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push(fsProblem(displayPath(root, dir), error, 'read the folder'));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const d of entries) {
      const full = join(dir, d.name);
      const file = displayPath(root, full);
      const odd = entryKind(d);
      if (odd) {
        problems.push({
          file,
          line: 1,
          column: 1,
          severity: 'error',
          rule: 'unsafe-path',
          message: `${file.split('/').pop()} is ${odd}; content must be plain files inside the content folder`,
          hint:
            odd === 'a symbolic link'
              ? 'replace the link with a copy of the file it points to (links are never followed)'
              : 'remove it',
        });
        continue;
      }
      const top = folder ?? (KNOWN.has(d.name) && d.isDirectory() ? (d.name as ContentFolder) : null);
      if (top === null && folder === null && d.isFile() && CONTENT_ROOT_FILES.has(d.name)) continue;
      if (top === null) {
        problems.push({
          file,
          line: 1,
          column: 1,
          severity: 'error',
          rule: 'unknown-file',
          message: `${d.isDirectory() ? 'folder' : 'file'} "${d.name}" is not part of the content model`,
          hint: `content/ holds only the folders ${CONTENT_FOLDERS.join(', ')} and ${[...CONTENT_ROOT_FILES].join(', ')}; move it out of content/ (system files such as .DS_Store too)`,
        });
        continue;
      }
      if (d.isDirectory()) walk(full, top);
      else byFolder.get(top)!.push(full);
    }
  };
  walk(contentDir, null);
  return byFolder;
}

/**
 * Reads one content file as strict UTF-8. Returns null, with a located problem, when it cannot be read or is not
 * UTF-8; the text never holds U+FFFD in place of bad bytes.
 */
export function readContentText(full: string, file: string, problems: Problem[]): string | null {
  let bytes: Buffer;
  try {
    // Measured before reading: a file too large to parse in bounded time is never read whole.
    const tooLarge = sizeProblem(statSync(full).size);
    if (tooLarge) {
      problems.push({ file, line: 1, column: 1, severity: 'error', rule: 'content-limit', ...tooLarge });
      return null;
    }
    bytes = readFileSync(full);
  } catch (error) {
    problems.push(fsProblem(file, error, 'read the file'));
    return null;
  }
  const bad = utf8Problem(bytes);
  if (bad) {
    problems.push({ file, ...bad, severity: 'error', rule: 'invalid-encoding' });
    return null;
  }
  return bytes.toString('utf8');
}
