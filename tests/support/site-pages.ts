/**
 * Finds one URL of each page type in a built site by reading it, not by naming content: content is written by
 * others and changes, while the URL scheme (src/shared/urls.ts) is a promise that does not.
 */
import { DomUtils } from 'htmlparser2';
import { listFiles } from '../../scripts/lib/built-pages.ts';
import { urlOfFile } from '../../src/shared/urls.ts';
import { exists, loadPage, textOf } from './built-html.ts';

export interface PageTypes {
  home: string;
  country: string;
  edition: string;
  currentProfile: string;
  /** A profile page of a superseded edition, preferably one carried forward into the current edition. */
  supersededProfile: string;
  history: string;
  /** A comparison of two editions of a profile, linked from its history page. */
  comparison: string;
  /** What a policy reviewer checks of a country's current edition. */
  review: string;
  sources: string;
  source: string;
  law: string;
  provision: string;
  /** A URL the site does not have, answered with the 404 page. */
  notFound: string;
}

const RESERVED = new Set(['sources', 'law', 'search', 'pagefind', '_astro', 'data']);
const MONTH = /^\d{4}-\d{2}$/;

/** Every page type found in the build; a type the content does not have yet is absent. */
export function findPageTypes(dir: string): Partial<PageTypes> {
  const urls = listFiles(dir, '.html').map(urlOfFile);
  const segments = (url: string) => url.split('/').filter(Boolean);
  const found: Partial<PageTypes> = {
    home: '/',
    sources: '/sources/',
    law: '/law/',
    notFound: '/this-page-does-not-exist/',
  };

  const country = urls.find((u) => segments(u).length === 1 && u.endsWith('/') && !RESERVED.has(segments(u)[0]));
  if (country) {
    found.country = country;
    const links = loadPage(dir, country)
      .links()
      .map((l) => l.href)
      .filter((h) => h.startsWith(country) && exists(dir, h));
    found.edition = links.find((h) => segments(h).length === 2 && MONTH.test(segments(h)[1]));
    // A profile is a country page with a history; the country's own pages (its review) have none.
    found.currentProfile = links.find(
      (h) => segments(h).length === 2 && !MONTH.test(segments(h)[1]) && !h.includes('#') && exists(dir, `${h}history/`),
    );
    found.review = links.find((h) => h === `${country}review/`);
    const history = found.currentProfile && `${found.currentProfile}history/`;
    if (history && exists(dir, history)) {
      found.history = history;
      found.comparison = loadPage(dir, history)
        .links()
        .map((l) => l.href)
        .find((h) => /\/compare\/\d{4}-\d{2}\.\.\d{4}-\d{2}\/$/.test(h));
    }
    const editionProfiles = urls.filter(
      (u) => u.startsWith(country) && segments(u).length === 3 && MONTH.test(segments(u)[1]),
    );
    const superseded = editionProfiles.flatMap((url) => {
      const page = loadPage(dir, url);
      const notice = page.all('aside').find((a) => a.attribs.role === 'note' && /superseded/i.test(textOf(a)));
      if (!notice) return [];
      const current = `${country}${segments(url)[2]}/`;
      const carriedForward =
        DomUtils.findAll((el) => el.name === 'a' && el.attribs.href === current, [notice]).length > 0;
      return [{ url, carriedForward }];
    });
    found.supersededProfile = (superseded.find((s) => s.carriedForward) ?? superseded[0])?.url;
  }
  found.source = loadPage(dir, '/sources/')
    .links()
    .map((l) => l.href)
    .find((h) => /^\/sources\/[^/]+\/$/.test(h));
  found.provision = exists(dir, '/law/')
    ? loadPage(dir, '/law/')
        .links()
        .map((l) => l.href)
        .find((h) => /^\/law\/[^/#]+\/$/.test(h))
    : undefined;
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v)) as Partial<PageTypes>;
}

/** Every page type, in the order tests go through them. */
export const PAGE_TYPES: (keyof PageTypes)[] = [
  'home',
  'country',
  'edition',
  'currentProfile',
  'supersededProfile',
  'history',
  'comparison',
  'review',
  'sources',
  'source',
  'law',
  'provision',
  'notFound',
];

/** The page types a site lacks. */
export function missingTypes(found: Partial<PageTypes>): (keyof PageTypes)[] {
  const all = PAGE_TYPES;
  return all.filter((k) => !found[k]);
}

export interface SiteUnderTest {
  dir: string;
  /** Which build, for test names and messages. */
  label: string;
  pages: PageTypes;
}

/** Set to 1 to let browser tests fall back to the valid fixture while content/ lacks a page type. */
export const FIXTURE_FALLBACK = 'CG_BROWSER_FIXTURE_FALLBACK';

/**
 * The real site, which must have every page type. While content/ is still being written it may lack one; then the
 * browser tests fail, unless FIXTURE_FALLBACK asks them to use the valid fixture's site, and say so.
 */
export function chooseSite(
  siteDir: string,
  fixtureSiteDir: string,
  fallbackAsked = process.env[FIXTURE_FALLBACK] === '1',
): SiteUnderTest {
  const real = findPageTypes(siteDir);
  const missing = missingTypes(real);
  if (missing.length === 0) return { dir: siteDir, label: 'content/', pages: real as PageTypes };
  if (!fallbackAsked)
    throw new Error(
      `The site built from content/ has no ${missing.join(', ')} page, so browser tests cannot cover every ` +
        `template; set ${FIXTURE_FALLBACK}=1 to run them on the valid fixture's site instead`,
    );
  const fixture = findPageTypes(fixtureSiteDir);
  const fixtureMissing = missingTypes(fixture);
  if (fixtureMissing.length)
    throw new Error(`The valid fixture's build lacks page types: ${fixtureMissing.join(', ')}`);
  console.warn(
    `browser tests use the valid fixture, as ${FIXTURE_FALLBACK}=1 asks: the site built from content/ has no ${missing.join(', ')} page`,
  );
  return { dir: fixtureSiteDir, label: 'tests/fixtures/valid', pages: fixture as PageTypes };
}
