/**
 * Which edition of a country's guidance was in force on a date. An edition is in force from its publication date
 * (inclusive) until the date it was superseded (exclusive: on that day its successor applies). Browser-safe: the
 * date lookup on the country and history pages imports this module too.
 */

export interface Period {
  editionId: string;
  label: string;
  /** YYYY-MM-DD, first day in force. */
  from: string;
  /** YYYY-MM-DD, the day it stopped being in force; absent while it is current. */
  until?: string;
}

/** The periods of a country's editions, oldest first. */
export function periodsOf(
  editions: { id: string; data: { label: string; published: string; supersededOn?: string } }[],
): Period[] {
  return editions
    .map((e) => ({
      editionId: e.id,
      label: e.data.label,
      from: e.data.published,
      ...(e.data.supersededOn ? { until: e.data.supersededOn } : {}),
    }))
    .sort((a, b) => a.from.localeCompare(b.from));
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real calendar day written YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The period in force on a day, or undefined before the first edition (or for a day that is not a date). */
export function inForceOn(periods: Period[], day: string): Period | undefined {
  if (!isIsoDay(day)) return undefined;
  return periods.find((p) => p.from <= day && (p.until === undefined || day < p.until));
}
