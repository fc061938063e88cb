/** Dates as authors write them (YYYY, YYYY-MM, YYYY-MM-DD) and as readers want them ("15 April 2024"). */

/** English month names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Splits a partial ISO date into numbers; month and day are undefined when not given. */
export function parsePartialDate(iso: string): { year: number; month?: number; day?: number } {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
}

/**
 * Whether a date written as YYYY, YYYY-MM or YYYY-MM-DD names a real day, month or year: 2024-02-29 does,
 * 2025-02-29, 2025-02-30 and 2025-13 do not. Anything not of that shape is not a date either.
 */
export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return false;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC so that no time zone moves it.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Writes a partial date out in full: "2024" → "2024", "2024-04" → "April 2024", "2024-04-15" → "15 April 2024". */
export function formatDate(iso: string): string {
  const { year, month, day } = parsePartialDate(iso);
  if (!month) return String(year);
  if (!day) return `${MONTHS[month - 1]} ${year}`;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** A short form for inline citations: "Oct 2023", "2021". */
export function formatShortDate(iso: string): string {
  const { year, month } = parsePartialDate(iso);
  return month ? `${MONTHS[month - 1].slice(0, 3)} ${year}` : String(year);
}

/**
 * The earliest day a partial date can mean. A source "issued 2024-04" may have appeared on 1 April, so it counts as
 * published on or after that day; this keeps the cutoff check from rejecting what it cannot prove late.
 */
export function earliestDay(iso: string): string {
  const { year, month, day } = parsePartialDate(iso);
  return `${year}-${String(month ?? 1).padStart(2, '0')}-${String(day ?? 1).padStart(2, '0')}`;
}

/** The edition's month slug used in URLs and folder names: "2024-04". */
export function monthSlug(iso: string): string {
  return iso.slice(0, 7);
}

/** The last day a partial date can mean: "2024-12" → "2024-12-31", "2024" → "2024-12-31". */
export function latestDay(iso: string): string {
  const { year, month, day } = parsePartialDate(iso);
  const m = month ?? 12;
  const d = day ?? new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whole calendar months from one day to a later one (YYYY-MM-DD): 2023-01-31 to 2025-01-30 is 23. */
export function monthsBetween(from: string, to: string): number {
  const [a, b] = [parsePartialDate(from), parsePartialDate(to)];
  const months = (b.year - a.year) * 12 + (b.month! - a.month!);
  return b.day! < a.day! ? months - 1 : months;
}
