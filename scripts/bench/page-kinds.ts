/**
 * What each kind of page costs to render: Astro logs every page it writes with the time it took
 * ("├─ /syria/2024-04/deserters/index.html (+12ms)"); these are summed by kind of URL.
 */

/** Kinds of output, tried in order; the first that matches names the file. */
export const PAGE_KINDS: [string, RegExp][] = [
  ['profile in an edition  /c/yyyy-mm/p/', /^\/[^/]+\/\d{4}-\d{2}\/[^/]+\/index\.html$/],
  ['edition page  /c/yyyy-mm/', /^\/[^/]+\/\d{4}-\d{2}\/index\.html$/],
  ['profile history  /c/p/history/', /^\/[^/]+\/[^/]+\/history\/index\.html$/],
  ['comparison  /c/p/compare/a..b/', /^\/[^/]+\/[^/]+\/compare\/[^/]+\/index\.html$/],
  ['source page  /sources/id/', /^\/sources\/[^/]+\/index\.html$/],
  ['source exports  .bib .ris .json', /^\/sources\/[^/]+\.(bib|ris|json)$/],
  ['open data  /data/v1/…', /^\/data\//],
  ['law pages  /law/…', /^\/law\//],
  ['current or retired profile  /c/p/', /^\/(?!sources|law|search|updates|data)[^/]+\/[^/]+\/index\.html$/],
];
export const OTHER_KIND = 'other (home, country, search, 404, updates, register…)';

export interface KindCost {
  ms: number;
  pages: number;
}

/** Sums Astro's per-file "(+12ms)" render times by kind of page, in PAGE_KINDS order. */
export function renderTimeByKind(log: string, kinds: [string, RegExp][] = PAGE_KINDS): Map<string, KindCost> {
  const out = new Map<string, KindCost>();
  for (const m of log.matchAll(/[├└]─ (\S+) \(\+([\d.]+)(ms|s)\)/g)) {
    const t = Number(m[2]) * (m[3] === 's' ? 1000 : 1);
    const kind = kinds.find(([, re]) => re.test(m[1]))?.[0] ?? OTHER_KIND;
    const e = out.get(kind) ?? { ms: 0, pages: 0 };
    e.ms += t;
    e.pages++;
    out.set(kind, e);
  }
  const order = [...kinds.map(([k]) => k), OTHER_KIND];
  return new Map([...out].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0])));
}
