/**
 * What a query names beyond its words: a profile ("returnees detention" names Returnees) or an edition ("deserters
 * risk april 2024" names April 2024). Pagefind ranks by words alone, so the page a reader names by these would sit
 * among the many that share its words; the search page ranks it first instead (search-rank.ts).
 *
 * Pure module: no DOM, no Pagefind. The vocabulary comes from the search page's filters (SearchFilters.astro).
 */
import { queryWords } from './search-relax.ts';

/** A profile as the search page knows it: its filter label, and the words of its id ("draft evaders"). */
export interface ProfileName {
  label: string;
  name: string;
}

/** An edition as the search page knows it: its filter label ("April 2024", "June 2025 (interim)"). */
export interface EditionName {
  label: string;
  current: boolean;
}

export interface Vocabulary {
  profiles: readonly ProfileName[];
  editions: readonly EditionName[];
}

/** What one query names. */
export interface Named {
  /** Labels of the profiles named, in the order of the vocabulary. */
  profiles: string[];
  edition?: EditionName;
  /** The query without the words that name a profile: what may still name a source ("UK CPIN … 2025"). */
  rest?: string;
}

const MONTHS = new Set(
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november']
    .concat('december')
    .flatMap((m) => [m, m.slice(0, 3)]),
);

/** A word as compared here: lower case, and a plural's "s" left off, so "deserter" names "deserters". */
const fold = (word: string) => word.toLowerCase().replace(/(?<=\w{3})s$/, '');

/** The words of a query or label as compared here ("2024/1347" stays one word, so it never names 2024). */
const foldedWords = (text: string) => new Set(queryWords(text.replace(/[()]/g, ' ')).map(fold));

/** The profiles whose every name word is in the query. */
export function namedProfiles(query: string, profiles: readonly ProfileName[]): string[] {
  const asked = foldedWords(query);
  return profiles
    .filter((p) => {
      const name = [...foldedWords(p.name)];
      return name.length > 0 && name.every((w) => asked.has(w));
    })
    .map((p) => p.label);
}

/**
 * The edition a query names: every word of its label ("april 2024"), or one word only its label has that is not a
 * month ("2023", "interim"). A month alone or a year two editions share ("2025") names none, nor do two editions.
 */
export function namedEdition(query: string, editions: readonly EditionName[]): EditionName | undefined {
  const asked = foldedWords(query);
  const labels = editions.map((e) => [...foldedWords(e.label)]);
  const owners = (w: string) => labels.filter((l) => l.includes(w)).length;
  const named = editions.filter((_, i) => {
    const words = labels[i];
    if (words.every((w) => asked.has(w))) return true;
    return words.some((w) => asked.has(w) && !MONTHS.has(w) && owners(w) === 1);
  });
  return named.length === 1 ? named[0] : undefined;
}

/** Everything a query names. */
export function namesIn(query: string, vocabulary: Vocabulary | undefined): Named {
  if (!vocabulary) return { profiles: [] };
  const profiles = namedProfiles(query, vocabulary.profiles);
  const nameWords = new Set(
    vocabulary.profiles.filter((p) => profiles.includes(p.label)).flatMap((p) => [...foldedWords(p.name)]),
  );
  const rest = queryWords(query)
    .filter((w) => !nameWords.has(fold(w)))
    .join(' ');
  return { profiles, edition: namedEdition(query, vocabulary.editions), rest };
}
