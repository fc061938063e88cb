/**
 * The site's public address, from one setting. Permalinks, citations, the canonical link, the feed and the open
 * data all print absolute URLs from it, so a wrong address would put dead links into every citation a reader copies.
 *
 * - CG_SITE_URL: the address the built site will be served from (https://guidance.example.org/).
 * - Unset: the address `npm start` serves on, so a link copied from a local build works where it was copied.
 * - CG_PRODUCTION=1 marks a build for publishing: it refuses the local address and any placeholder host.
 *
 * `astro build` always runs with NODE_ENV=production (tests and `npm start` build that way too), so NODE_ENV cannot
 * tell a build for publishing from a local one; an explicit setting can.
 */

/** Where `npm start` serves the site (package.json "start"). */
export const LOCAL_SITE_URL = 'http://127.0.0.1:4321/';

const HOW_TO_SET =
  'Set CG_SITE_URL to the address the site will be served from: ' +
  '`CG_SITE_URL=https://<your domain>/ CG_PRODUCTION=1 npm run build` (README, "Publish").';

/** Hosts that can never be a published site: reserved example domains (RFC 2606) and this machine. */
export function placeholderReason(url: URL): string | undefined {
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || /^127\./.test(host) || host === '0.0.0.0') {
    return `"${host}" is this machine, not a public address`;
  }
  if (/(^|\.)example(\.[a-z]+)?$/.test(host) || /(^|\.)(test|invalid|localhost)$/.test(host)) {
    return `"${host}" is a reserved placeholder domain`;
  }
  return undefined;
}

export class SiteUrlError extends Error {}

export interface SiteUrlEnv {
  CG_SITE_URL?: string;
  CG_PRODUCTION?: string;
}

/**
 * The site's address, an origin ending in "/". Throws SiteUrlError, with a message that says
 * how to set it, for an address that is not http(s), or for a placeholder or local address in a production build.
 */
export function resolveSiteUrl(env: SiteUrlEnv = process.env): string {
  const production = env.CG_PRODUCTION === '1' || env.CG_PRODUCTION === 'true';
  const raw = env.CG_SITE_URL?.trim();
  if (!raw) {
    if (production)
      throw new SiteUrlError(
        `CG_SITE_URL is not set: a production build needs the site's public address. ${HOW_TO_SET}`,
      );
    return LOCAL_SITE_URL;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SiteUrlError(`CG_SITE_URL "${raw}" is not a URL. ${HOW_TO_SET}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new SiteUrlError(`CG_SITE_URL "${raw}" must start with https://. ${HOW_TO_SET}`);
  // Every internal link is root-relative ("/sources/…"), so the site must be served at the root of its host.
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new SiteUrlError(
      `CG_SITE_URL "${raw}" must be an origin only (no path, query or fragment): the site is served at the root of its host. ${HOW_TO_SET}`,
    );
  }
  const reason = placeholderReason(url);
  // A placeholder domain is never right; the local address is right for a local build only.
  if (reason && (production || !/this machine/.test(reason))) {
    throw new SiteUrlError(`CG_SITE_URL "${raw}" cannot be published: ${reason}. ${HOW_TO_SET}`);
  }
  return url.href;
}

let cached: string | undefined;

/** The address of this build (read once per process). */
export function siteUrl(): string {
  cached ??= resolveSiteUrl();
  return cached;
}

/** An absolute URL for a site path ("/syria/2024-04/deserters/#conclusion-risk"). */
export function absoluteUrl(path: string, base: string = siteUrl()): string {
  return new URL(path.replace(/^\//, ''), base).href;
}
