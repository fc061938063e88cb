import { describe, expect, it } from 'vitest';
import { absoluteUrl, LOCAL_SITE_URL, resolveSiteUrl } from '../../../src/site/site-url.ts';

describe("the site's address", () => {
  it('is the address npm start serves on when nothing is set, so a copied link works locally', () => {
    expect(resolveSiteUrl({})).toBe('http://127.0.0.1:4321/');
    expect(resolveSiteUrl({ CG_SITE_URL: '  ' })).toBe(LOCAL_SITE_URL);
  });

  it('comes from CG_SITE_URL, normalised to an origin ending in a slash', () => {
    expect(resolveSiteUrl({ CG_SITE_URL: 'https://guidance.asylum.gov.ie' })).toBe('https://guidance.asylum.gov.ie/');
    expect(resolveSiteUrl({ CG_SITE_URL: 'https://guidance.asylum.gov.ie/', CG_PRODUCTION: '1' })).toBe(
      'https://guidance.asylum.gov.ie/',
    );
  });

  it('refuses a production build without an address, saying how to set it', () => {
    expect(() => resolveSiteUrl({ CG_PRODUCTION: '1' })).toThrow(
      /CG_SITE_URL is not set.*CG_SITE_URL=https:\/\/<your domain>\/ CG_PRODUCTION=1 npm run build/,
    );
  });

  it('refuses a reserved placeholder domain in any build', () => {
    for (const url of [
      'https://country-guidance.example',
      'https://example.org',
      'https://www.example.com',
      'https://site.test',
    ]) {
      expect(() => resolveSiteUrl({ CG_SITE_URL: url }), url).toThrow(/placeholder domain.*Set CG_SITE_URL/);
    }
  });

  it('accepts this machine for a local build but not for a production one', () => {
    expect(resolveSiteUrl({ CG_SITE_URL: 'http://localhost:8080' })).toBe('http://localhost:8080/');
    expect(() => resolveSiteUrl({ CG_SITE_URL: 'http://localhost:8080', CG_PRODUCTION: '1' })).toThrow(/this machine/);
    expect(() => resolveSiteUrl({ CG_SITE_URL: 'http://127.0.0.1:4321', CG_PRODUCTION: 'true' })).toThrow(
      /this machine/,
    );
  });

  it('refuses what is not an http(s) origin', () => {
    expect(() => resolveSiteUrl({ CG_SITE_URL: 'guidance.org' })).toThrow(/is not a URL/);
    expect(() => resolveSiteUrl({ CG_SITE_URL: 'ftp://guidance.org' })).toThrow(/https:\/\//);
    expect(() => resolveSiteUrl({ CG_SITE_URL: 'https://host.org/guidance/' })).toThrow(/origin only/);
  });

  it('makes absolute URLs from site paths, keeping the fragment', () => {
    expect(absoluteUrl('/syria/2024-04/deserters/#conclusion-risk', 'https://g.org/')).toBe(
      'https://g.org/syria/2024-04/deserters/#conclusion-risk',
    );
  });
});
