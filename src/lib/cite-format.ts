/** Short, readable pinpoints for inline citations ("SNHR, Oct 2023, sec. VI, p. 8"). */
import { formatShortDate } from '../shared/dates.ts';

interface CitableSource {
  shortTitle: string;
  issued: string;
}

/** The inline form of one cited item: short title, short date unless the title already has the year, pinpoint. */
export function shortCitation(source: CitableSource, locator: string): string {
  const year = source.issued.slice(0, 4);
  const parts = [source.shortTitle];
  if (!source.shortTitle.includes(year)) parts.push(formatShortDate(source.issued));
  if (locator) parts.push(locator);
  return parts.join(', ');
}
