import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseSite, FIXTURE_FALLBACK } from '../support/site-pages.ts';

/** A built site with a home page and an empty source register: every other page type is missing. */
const dir = mkdtempSync(join(tmpdir(), 'cg-half-site-'));
mkdirSync(join(dir, 'sources'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Home</title>');
writeFileSync(join(dir, 'sources', 'index.html'), '<!doctype html><title>Sources</title>');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the site browser tests run on', () => {
  it('is never the fixture in silence: a site lacking a page type fails, naming what it lacks and the way out', () => {
    expect(() => chooseSite(dir, dir, false)).toThrow(
      new RegExp(`no country, edition, .* page.*${FIXTURE_FALLBACK}=1`, 's'),
    );
  });

  it('is the fixture only when asked, and only if the fixture has every page type', () => {
    expect(() => chooseSite(dir, dir, true)).toThrow(/valid fixture's build lacks page types: country/);
  });
});
