/**
 * Ids taken from file and folder names: the same grammar and explanations as ids in fields (src/schemas/id.ts),
 * plus the edition month folders and the layout of a profile's path.
 */
import { describeCharacter, explainBadId } from '../schemas/id.ts';
import { isCalendarDate } from '../shared/dates.ts';
import { COUNTRY_PAGE_NAMES } from '../shared/urls.ts';

/** Why a folder name is not an edition month (yyyy-mm, a real month), or null when it is one. */
export function explainBadMonth(folder: string): string | null {
  if (/^\d{4}-\d{2}$/.test(folder) && isCalendarDate(folder)) return null;
  const bad = Array.from(folder).findIndex((c) => !/^[0-9-]$/.test(c));
  const why = bad >= 0 ? ` (it has ${describeCharacter(Array.from(folder)[bad])} at position ${bad + 1})` : '';
  return `the edition folder "${folder}" is not a month written as yyyy-mm${why}`;
}

/** The parts of a profile's path, relative to content/profiles/. */
export interface ProfilePath {
  country: string;
  month: string;
  profile: string;
}

/** Why a profile path is wrong, for the author: message and hint. */
export interface PathProblem {
  rule: 'unknown-file' | 'invalid-file-name';
  message: string;
  hint: string;
}

/**
 * Splits `<country>/<yyyy-mm>/<profile>.mdx` and checks each part; the first wrong part is reported, since the
 * ids of the edition and the profile come from it.
 */
export function parseProfilePath(rel: string): ProfilePath | PathProblem {
  const parts = rel.split('/');
  if (parts.length !== 3 || !parts[2].endsWith('.mdx')) {
    return {
      rule: 'unknown-file',
      message: `a profile must live at content/profiles/<country>/<yyyy-mm>/<profile-id>.mdx, not ${rel}`,
      hint: rel.endsWith('.md')
        ? 'rename it to .mdx: plain .md errors can pass the build silently (withastro/astro#18054)'
        : 'move the file; the edition and profile ids come from the path',
    };
  }
  const [country, month, file] = parts;
  const profile = file.slice(0, -'.mdx'.length);
  const countryWhy = explainBadId(country);
  if (countryWhy)
    return {
      rule: 'invalid-file-name',
      message: `country folder: ${countryWhy}`,
      hint: 'rename the folder: it is the country id, as in content/countries/<country>.yaml',
    };
  const monthWhy = explainBadMonth(month);
  if (monthWhy)
    return {
      rule: 'invalid-file-name',
      message: monthWhy,
      hint: 'name the folder after the edition month, e.g. 2024-04',
    };
  const profileWhy = explainBadId(profile);
  if (profileWhy)
    return {
      rule: 'invalid-file-name',
      message: `file name: ${profileWhy}`,
      hint: 'rename the file: its name is the profile id, used in URLs and citations',
    };
  if (COUNTRY_PAGE_NAMES.includes(profile))
    return {
      rule: 'invalid-file-name',
      message: `file name: "${profile}" is the name of a country page (/${country}/${profile}/), so a profile cannot take it`,
      hint: 'choose another profile id; the file name is the id, used in URLs and citations',
    };
  return { country, month, profile };
}
