/**
 * How current the evidence behind a conclusion is: the span of its findings' dates, the turning points that all of
 * them predate, and whether that makes it stale. Pure, so pages, the open data and the stale-evidence rule read
 * one computation.
 *
 * A finding dated by month ("2024-12") counts as predating a turning point only if its last possible day is before
 * it: a finding of December 2024 is not claimed to predate 8 December 2024, since it may not.
 */
import { earliestDay, latestDay, monthsBetween } from './dates.ts';

export interface TurningPointDate {
  id: string;
  /** YYYY-MM-DD */
  date: string;
}

export interface EvidenceSpan {
  /** The earliest `asOf` among the findings, as written. */
  from: string;
  /** The latest `asOf` among the findings, as written. */
  to: string;
  /** Ids of the turning points before the measuring date that every finding predates, oldest first. */
  predates: string[];
}

export type Staleness =
  { kind: 'turning-point'; point: string } | { kind: 'age'; months: number; limit: number } | null;

/**
 * The span of `asOfs` measured at `at` (an edition's publication date: a superseded edition is measured against
 * what was current when it was published), or null when there are no findings.
 */
export function evidenceSpan(asOfs: string[], points: TurningPointDate[], at: string): EvidenceSpan | null {
  if (asOfs.length === 0) return null;
  const from = asOfs.reduce((a, b) => (earliestDay(b) < earliestDay(a) ? b : a));
  const to = asOfs.reduce((a, b) => (latestDay(b) > latestDay(a) ? b : a));
  const newest = latestDay(to);
  const predates = points
    .filter((tp) => tp.date < at && newest < tp.date)
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((tp) => tp.id);
  return { from, to, predates };
}

/**
 * Whether a span is stale at `at`: every finding predates the latest turning point before that date, or the newest
 * finding is more than `limitMonths` old then. The turning point is the stronger reason and is given first.
 */
export function staleness(span: EvidenceSpan, points: TurningPointDate[], at: string, limitMonths: number): Staleness {
  const before = points.filter((tp) => tp.date < at).sort((a, b) => a.date.localeCompare(b.date));
  const latest = before.at(-1);
  if (latest && span.predates.includes(latest.id)) return { kind: 'turning-point', point: latest.id };
  const months = monthsBetween(latestDay(span.to), at);
  return months > limitMonths ? { kind: 'age', months, limit: limitMonths } : null;
}
