/**
 * The organisation responsible for the site, from one setting: CG_PUBLISHER ("Refugee Law Centre"). Copied
 * citations name it as their author (OSCOLA 3.3.4); unset, they name none. Read at build time only.
 */

/** The configured organisation, or undefined; throws on a value that could not stand in a citation. */
export function sitePublisher(env: { CG_PUBLISHER?: string } = process.env): string | undefined {
  const name = env.CG_PUBLISHER?.trim();
  if (!name) return undefined;
  // eslint-disable-next-line no-control-regex -- a control character or line break would split the citation
  if (/[\u0000-\u001F\u007F-\u009F\u2028\u2029<>]/.test(name) || name.length > 200)
    throw new Error(
      `CG_PUBLISHER "${name}" cannot be a citation's author: give the organisation's name on one line, without < or >, in at most 200 characters`,
    );
  return name;
}
