/**
 * What changed in a profile between two editions: conclusions side by side, findings added, removed and changed,
 * sources added and dropped, and a word-level diff of each changed finding. Computed at build time; pure.
 */
import { diffWords } from 'diff';
import type { ProfileEntry } from '../corpus/corpus.ts';
import { conclusionAnswerWithProvenance } from '../shared/labels.ts';
import { CONCLUSION_KEYS, type ConclusionKey } from '../schemas/content.ts';

export interface ConclusionChange {
  key: ConclusionKey;
  before: string | null;
  after: string | null;
  changed: boolean;
}

/** A run of words: unchanged, added or removed. */
export interface WordRun {
  text: string;
  change: 'same' | 'added' | 'removed';
}

export interface FindingChange {
  id: string;
  title: string;
  change: 'added' | 'removed' | 'changed' | 'same';
  words: WordRun[];
}

export interface Comparison {
  conclusions: ConclusionChange[];
  findings: FindingChange[];
  sourcesAdded: string[];
  sourcesDropped: string[];
}

function conclusionText(p: ProfileEntry, key: ConclusionKey): string | null {
  const v = p.data?.conclusions?.[key];
  return v ? conclusionAnswerWithProvenance(v as Parameters<typeof conclusionAnswerWithProvenance>[0]) : null;
}

/**
 * Beyond this many word edits a finding counts as rewritten: it is shown as the old text removed and the new text
 * added, which reads better than a diff that interleaves two different texts word by word, and costs far less to
 * compute (the diff's work grows with the square of the edits).
 */
const REWRITE_EDITS = 40;

/** Word runs from the earlier text to the later one; a rewrite is one removed run and one added run. */
function wordRuns(was: string, now: string): WordRun[] {
  if (was === now) return [{ text: now, change: 'same' }];
  const parts = diffWords(was, now, { maxEditLength: REWRITE_EDITS });
  if (!parts)
    return [
      { text: was, change: 'removed' },
      { text: now, change: 'added' },
    ];
  return parts.map((part) => ({ text: part.value, change: part.added ? 'added' : part.removed ? 'removed' : 'same' }));
}

function citedSources(p: ProfileEntry): Set<string> {
  return new Set(p.scan.citations.flatMap((c) => c.items.map((i) => i.key)));
}

/** Compares a profile in an earlier edition with the same profile in a later one. */
export function compareVersions(before: ProfileEntry, after: ProfileEntry): Comparison {
  const conclusions = CONCLUSION_KEYS.map((key) => {
    const a = conclusionText(before, key);
    const b = conclusionText(after, key);
    return { key, before: a, after: b, changed: a !== b };
  });
  const old = new Map(before.scan.findings.map((f) => [f.id, f]));
  const now = new Map(after.scan.findings.map((f) => [f.id, f]));
  const findings: FindingChange[] = [];
  for (const f of after.scan.findings) {
    const was = old.get(f.id);
    if (!was)
      findings.push({ id: f.id, title: f.title ?? f.id, change: 'added', words: [{ text: f.text, change: 'added' }] });
    else {
      const words = wordRuns(was.text, f.text);
      findings.push({
        id: f.id,
        title: f.title ?? f.id,
        change: words.some((w) => w.change !== 'same') ? 'changed' : 'same',
        words,
      });
    }
  }
  for (const f of before.scan.findings) {
    if (!now.has(f.id))
      findings.push({
        id: f.id,
        title: f.title ?? f.id,
        change: 'removed',
        words: [{ text: f.text, change: 'removed' }],
      });
  }
  const a = citedSources(before);
  const b = citedSources(after);
  return {
    conclusions,
    findings,
    sourcesAdded: [...b].filter((s) => !a.has(s)).sort(),
    sourcesDropped: [...a].filter((s) => !b.has(s)).sort(),
  };
}

/** The URL segment for a comparison: `2024-04..2025-12`. */
export function comparisonSlug(before: { month: string }, after: { month: string }): string {
  return `${before.month}..${after.month}`;
}

/**
 * Every pair of versions that has a comparison page, earlier first within each pair, from versions listed oldest
 * first. The compare pages are generated from this list and the history page links it, so every link has a page.
 */
export function comparisonPairs<T>(oldestFirst: readonly T[]): { before: T; after: T }[] {
  return oldestFirst.flatMap((before, i) => oldestFirst.slice(i + 1).map((after) => ({ before, after })));
}
