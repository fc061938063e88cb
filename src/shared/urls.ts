/** The URL scheme. These URLs are a promise to readers who cite them: never change what they return. */

/** "syria-2024-04" → "2024-04". */
export const editionMonth = (editionId: string) => editionId.slice(-7);

export const countryUrl = (country: string) => `/${country}/`;
/** The current version of a profile (canonical). */
export const currentProfileUrl = (country: string, profile: string) => `/${country}/${profile}/`;
/** A profile as it stood in one edition. */
export const editionProfileUrl = (country: string, editionId: string, profile: string) =>
  `/${country}/${editionMonth(editionId)}/${profile}/`;
export const editionUrl = (country: string, editionId: string) => `/${country}/${editionMonth(editionId)}/`;
/** What a policy reviewer checks of the current edition (stale evidence, gaps, findings by age, sources). */
export const reviewUrl = (country: string) => `/${country}/review/`;
/** Names a country's own pages take at `/<country>/<name>/`: a profile id may not be one of them. */
export const COUNTRY_PAGE_NAMES: readonly string[] = ['review'];
export const historyUrl = (country: string, profile: string) => `/${country}/${profile}/history/`;
export const compareUrl = (country: string, profile: string, slug: string) => `/${country}/${profile}/compare/${slug}/`;
export const sourceUrl = (id: string) => `/sources/${id}/`;
export const provisionUrl = (id: string) => `/law/${id}/`;
/** Anchor of a finding; stable for as long as the finding keeps its id. */
export const findingAnchor = (findingId: string) => `finding-${findingId}`;
/** Anchor of a conclusion block on a profile page. */
export const conclusionAnchor = (key: string) => `conclusion-${key}`;

/**
 * The official text of an article on EUR-Lex. The Regulation is published in the new Official Journal format, whose
 * HTML has an anchor per article; the 2011 Directive's HTML has none, so its link opens the whole act.
 */
export function officialArticleUrl(instrument: 'qd' | 'qr', article: string): string {
  return instrument === 'qr'
    ? `https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=OJ:L_202401347#art_${article}`
    : 'https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:32011L0095';
}

/** The URL a built file is served at: "syria/deserters/index.html" → "/syria/deserters/", "404.html" → "/404.html". */
export function urlOfFile(file: string): string {
  return `/${file
    .split('\\')
    .join('/')
    .replace(/(^|\/)index\.html$/, '$1')}`;
}
