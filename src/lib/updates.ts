/** The list of updates: every edition, newest first, with what it changed. */
import type { Corpus } from './corpus.ts';

export interface Update {
  country: string;
  editionId: string;
  title: string;
  published: string;
  supersededOn?: string;
  summary: string;
  changes: string[];
}

/** Every valid edition as an update, newest first. */
export function updates(c: Corpus): Update[] {
  return [...c.editions.values()]
    .flatMap((e) => (e.data ? [{ country: e.data.country, editionId: e.id, title: e.data.title, published: e.data.published, supersededOn: e.data.supersededOn, summary: e.data.summary, changes: e.data.changes }] : []))
    .sort((a, b) => b.published.localeCompare(a.published) || a.editionId.localeCompare(b.editionId));
}
