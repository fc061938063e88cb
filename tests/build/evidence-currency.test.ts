/**
 * Evidence currency in the built site: every conclusion resting on findings carries its evidence span in the open
 * data and on its page, and the review page lists what the open data lists, in the same order.
 */
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../../scripts/lib/built-pages.ts';
import { exists, loadPage, readBuilt, textOf, withClass } from '../support/built-html.ts';

const dir = inject('siteDir');
const json = (url: string) => JSON.parse(readBuilt(dir, url));
const country = () => json('/data/v1/syria.json');

describe('evidence currency (the site)', () => {
  it('every conclusion with supporting findings has evidence whose span matches those findings', () => {
    const points = new Set(country().turningPoints.map((tp: { id: string }) => tp.id));
    const profiles = listFiles(`${dir}/data/v1`, '.json').filter((f) => f.split('/').length === 3);
    let checked = 0;
    for (const file of profiles) {
      const doc = json(`/data/v1/${file}`);
      for (const [key, c] of Object.entries(doc.conclusions ?? {}) as [string, Record<string, never>][]) {
        const refs = (c.supportedBy ?? []) as { profile: string; finding: string }[];
        if (refs.length === 0) continue;
        expect(c.evidence, `${file} ${key}`).toBeDefined();
        const { from, to, predates } = c.evidence as { from: string; to: string; predates: string[] };
        for (const id of predates) expect(points.has(id), `${file} ${key}: ${id}`).toBe(true);
        const own = refs.filter((r) => r.profile === doc.id);
        if (own.length !== refs.length) continue; // cross-profile findings live in another document
        const dates = own.map((r) => doc.findings.find((f: { id: string }) => f.id === r.finding).asOf as string);
        expect([from, to], `${file} ${key}`).toEqual([dates.toSorted()[0], dates.toSorted().at(-1)]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('the profile page shows the span under "Rests on" for each conclusion that has one', () => {
    const doc = json('/data/v1/syria/2024-04/deserters.json');
    const withEvidence = Object.values(doc.conclusions).filter((c) => (c as { evidence?: unknown }).evidence);
    const page = loadPage(dir, '/syria/2024-04/deserters/');
    const lines = withClass(page, 'evidence-span').map(textOf);
    expect(lines).toHaveLength(withEvidence.length);
    expect(lines[0]).toMatch(/^Evidence dated \w+ \d{4}( to \w+ \d{4})?\.$/);
  });

  it('the history page gives the evidence under each answer', () => {
    expect(withClass(loadPage(dir, '/syria/deserters/history/'), 'cell-evidence').length).toBeGreaterThan(4);
  });

  it('the review page exists, is linked from the country and updates pages, and lists what the open data lists', () => {
    expect(exists(dir, '/syria/review/')).toBe(true);
    for (const url of ['/syria/', '/updates/'])
      expect(
        loadPage(dir, url)
          .links()
          .map((l) => l.href),
        url,
      ).toContain('/syria/review/');
    const review = country().review;
    const page = loadPage(dir, '/syria/review/');
    for (const id of ['stale', 'not-known', 'findings-by-age', 'partly-read', 'uncited', 'turning-points'])
      expect(page.byId(id), id).not.toBeNull();
    const findingRows = page.all('tbody')[0].children.filter((n) => (n as { name?: string }).name === 'tr');
    expect(findingRows).toHaveLength(review.findingsByAge.length);
    const ages = review.findingsByAge.map((f: { asOf: string }) => f.asOf.padEnd(10, '-00'));
    expect(ages).toEqual(ages.toSorted());
    expect(review.uncitedSources.map((s: { source: string }) => s.source)).toEqual(
      review.uncitedSources.map((s: { source: string }) => s.source).toSorted(),
    );
    expect(page.text()).toContain('COI reference period: not known');
  });

  it('lists the Syria turning points with their citations, oldest first', () => {
    const points = country().turningPoints as { id: string; date: string; citations: unknown[] }[];
    expect(points.map((p) => p.id)).toEqual(
      expect.arrayContaining([
        'fall-of-assad',
        'victory-conference',
        'constitutional-declaration',
        'transitional-government',
        'coastal-violence',
      ]),
    );
    expect(points.map((p) => p.date)).toEqual(points.map((p) => p.date).toSorted());
    for (const p of points) expect(p.citations.length).toBeGreaterThan(0);
  });
});
