/** Loading any page, scripts and search included, makes no request to another origin. */
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.ts';
import type { PageTypes } from '../support/site-pages.ts';

const session = useBrowserSession();
const TYPES: (keyof PageTypes)[] = [
  'home',
  'country',
  'edition',
  'currentProfile',
  'supersededProfile',
  'history',
  'review',
  'sources',
  'source',
  'law',
  'provision',
  'notFound',
];
// The search page loads Pagefind's scripts, WebAssembly and index fragments once there is a query.
const PATHS = [...TYPES.map((t) => session.site.pages[t]), '/search/?q=military'];

describe('no page makes a request to another origin', () => {
  it.each(PATHS)('%s', async (path) => {
    const page = await session.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('websocket', (ws) => requests.push(ws.url()));
    await page.goto(session.url(path), { waitUntil: 'networkidle' });
    expect(requests.length, 'no request was recorded at all').toBeGreaterThan(0);
    const elsewhere = requests.filter((u) => !u.startsWith(`${session.origin()}/`) && !/^(data|blob):/.test(u));
    expect(elsewhere).toEqual([]);
  });
});
