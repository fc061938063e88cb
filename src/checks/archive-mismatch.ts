import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolveArchivePath } from '../corpus/archive-path.ts';
import type { Corpus } from '../corpus/corpus.ts';
import type { Problem } from '../corpus/problem.ts';

/** A source's stored copy is missing or no longer matches its recorded SHA-256 fingerprint. */
export function checkArchiveMismatch(c: Corpus): Problem[] {
  const problems: Problem[] = [];
  for (const s of c.sources.values()) {
    const archive = s.data?.archive;
    if (!archive) continue;
    const resolved = resolveArchivePath(c.contentDir, archive.path);
    if ('message' in resolved) {
      problems.push({
        file: s.file,
        ...s.at(['archive', 'path']),
        severity: 'error',
        rule: 'unsafe-path',
        ...resolved,
      });
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(resolved.full);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        problems.push({
          file: s.file,
          ...s.at(['archive', 'path']),
          severity: 'error',
          rule: 'unreadable-file',
          message: `the stored copy ${archive.path} cannot be read: ${(error as NodeJS.ErrnoException).code}`,
          hint: 'make it a plain file the build can read',
        });
        continue;
      }
      problems.push({
        file: s.file,
        ...s.at(['archive', 'path']),
        severity: 'error',
        rule: 'archive-mismatch',
        message: `the stored copy ${archive.path} is missing`,
        hint: 'restore the file under content/, or remove `archive` if no copy is kept',
      });
      continue;
    }
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== archive.sha256) {
      problems.push({
        file: s.file,
        ...s.at(['archive', 'sha256']),
        severity: 'error',
        rule: 'archive-mismatch',
        message: `the stored copy ${archive.path} no longer matches its fingerprint (it now hashes to ${actual.slice(0, 12)}…)`,
        hint: 'if the source changed, re-check every pinpoint that cites it, then record the new sha256',
      });
    }
  }
  return problems;
}
