/** The open data: every JSON file of the build is valid against the published schema, and every page links to its data. */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../../scripts/lib/built-pages.ts';
import { urlOfFile } from '../../src/shared/urls.ts';
import { exists, loadPage, readBuilt } from '../support/built-html.ts';

function validator(dir: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readBuilt(dir, '/data/v1/schema.json')));
}

describe.each([
  ['the site', () => inject('siteDir')],
  ['the valid fixture', () => inject('fixtureSiteDir')],
])('open data of %s', (_, dir) => {
  it('every file is valid against the schema it names', () => {
    const validate = validator(dir());
    const files = listFiles(`${dir()}/data/v1`, '.json').filter((f) => f !== 'schema.json');
    const kinds = new Map<string, number>();
    for (const file of files) {
      const doc = JSON.parse(readBuilt(dir(), `/data/v1/${file}`));
      expect(validate(doc), `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
      expect(new URL(doc.$schema).pathname).toBe('/data/v1/schema.json');
      expect(new URL(doc.dataUrl).pathname).toBe(`/data/v1/${file}`);
      kinds.set(doc.kind, (kinds.get(doc.kind) ?? 0) + 1);
    }
    for (const kind of ['country', 'edition', 'profile', 'source']) expect(kinds.get(kind), kind).toBeGreaterThan(0);
  });

  it('the schema has an absolute $id, the address it is published at, and every finding has its title', () => {
    const schema = JSON.parse(readBuilt(dir(), '/data/v1/schema.json')) as { $id: string };
    expect(new URL(schema.$id).pathname).toBe('/data/v1/schema.json');
    const profiles = listFiles(`${dir()}/data/v1`, '.json').filter((f) => f.split('/').length === 3);
    let findings = 0;
    for (const file of profiles) {
      const doc = JSON.parse(readBuilt(dir(), `/data/v1/${file}`)) as {
        findings: { id: string; title: string }[];
        conclusions: Record<string, { supportedBy?: { title: string }[] }> | null;
      };
      for (const f of doc.findings) expect(f.title, `${file}#${f.id}`).toMatch(/\S/);
      for (const c of Object.values(doc.conclusions ?? {}))
        for (const ref of c.supportedBy ?? []) expect(ref.title, file).toMatch(/\S/);
      findings += doc.findings.length;
    }
    expect(findings).toBeGreaterThan(0);
  });

  it('the schema rejects a profile whose finding has lost its citations', () => {
    const validate = validator(dir());
    const file = listFiles(`${dir()}/data/v1`, '.json').find((f) => f.split('/').length === 3)!;
    const doc = JSON.parse(readBuilt(dir(), `/data/v1/${file}`));
    doc.findings[0].citations = [];
    expect(validate(doc)).toBe(false);
  });

  it('the schema rejects a conclusion resting on findings without its evidence span', () => {
    const validate = validator(dir());
    const files = listFiles(`${dir()}/data/v1`, '.json').filter((f) => f.split('/').length === 3);
    const doc = files
      .map((f) => JSON.parse(readBuilt(dir(), `/data/v1/${f}`)))
      .find((d) => d.conclusions?.persecution?.evidence);
    delete doc.conclusions.persecution.evidence;
    expect(validate(doc)).toBe(false);
  });

  it('each profile, edition, country and source page links to its data, and the data back to the page', () => {
    const pages = listFiles(dir(), '.html')
      .map(urlOfFile)
      .filter((u) => !u.startsWith('/data/'));
    /**
     * The page whose data a page links to: itself, except a current profile (/country/profile/), which shows the
     * profile of the newest edition that has it (/country/YYYY-MM/profile/).
     */
    const dataPageOf = (url: string): string => {
      const [country, second, ...rest] = url.split('/').filter(Boolean);
      if (rest.length || !second || /^\d{4}-\d{2}$/.test(second) || !pages.includes(`/${country}/`)) return url;
      const editions = pages.filter((u) => new RegExp(`^/${country}/\\d{4}-\\d{2}/${second}/$`).test(u)).sort();
      return editions.at(-1) ?? url;
    };
    let linked = 0;
    for (const url of pages) {
      const link = loadPage(dir(), url)
        .links()
        .find((l) => l.text === 'This page as data');
      if (!link) continue;
      linked++;
      expect(exists(dir(), link.href), `${url} → ${link.href}`).toBe(true);
      const doc = JSON.parse(readBuilt(dir(), link.href));
      expect(new URL(doc.url).pathname, `${url} → ${link.href}`).toBe(dataPageOf(url));
    }
    const profileData = listFiles(`${dir()}/data/v1`, '.json').filter((f) => f.split('/').length === 3).length;
    expect(linked).toBeGreaterThan(profileData);
    expect(
      loadPage(dir(), '/data/')
        .links()
        .map((l) => l.href),
    ).toContain('/data/v1/schema.json');
  });
});
