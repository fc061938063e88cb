/**
 * One browser and one server per test file: the chosen built site served on 127.0.0.1, Chromium with an empty
 * profile, both started before the file's tests and stopped after them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { openBrowser, type OpenBrowser } from './browser.ts';
import { serveDist, type ServedSite } from './serve-dist.ts';
import { chooseSite, type SiteUnderTest } from './site-pages.ts';

export interface BrowserSession {
  site: SiteUnderTest;
  /** Absolute URL of a site path on the local server. */
  url(path: string): string;
  /** The server's origin, e.g. http://127.0.0.1:40123. */
  origin(): string;
  /** A fresh page; closed with the browser. */
  newPage(): Promise<Page>;
}

/** Registers the file's beforeAll/afterAll and returns the session they manage. */
export function useBrowserSession(): BrowserSession {
  const site = chooseSite(inject('siteDir'), inject('fixtureSiteDir'));
  let served: ServedSite | undefined;
  let browser: OpenBrowser | undefined;
  beforeAll(async () => {
    served = await serveDist(site.dir);
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });
  const origin = () => {
    if (!served) throw new Error('the site is not served yet: use the session inside tests');
    return served.origin;
  };
  return {
    site,
    origin,
    url: (path) => new URL(path, origin()).href,
    newPage: () => browser!.context.newPage(),
  };
}
