import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  CountrySchema,
  EditionSchema,
  FindingRef,
  Id,
  PartialDate,
  parseProvisionId,
  ProfileSchema,
  ProvisionSchema,
  SourceSchema,
} from '../../src/schemas/content.ts';
import { VALID } from './support/corpus-fixture.ts';

const country = { name: 'Testland', iso: 'TL', description: 'A fictional country.' };

const edition = {
  country: 'testland',
  title: 'Country Guidance: Testland, June 2024',
  label: 'June 2024',
  published: '2024-06-01',
  sourcesUpTo: '2024-06-01',
  legalBasis: 'qd',
  summary: 'The second fictional edition.',
};

const source = {
  type: 'report',
  title: 'Testland: military service',
  shortTitle: 'Military report 2022',
  author: [{ literal: 'Fictional Research Institute' }],
  issued: '2022-11-15',
  structure: { pages: 40, sections: [{ id: '1', title: 'Background', pages: [1, 10] }] },
  description: 'A fictional report.',
  access: 'read',
};

const provision = {
  instrument: 'qd',
  article: '9',
  title: 'Acts of persecution',
  summary: 'What acts amount to persecution.',
  parts: [{ id: '2-e', label: 'Article 9(2)(e)', summary: 'Refusing military service.' }],
  source: 'eu-qd',
};

const notKnown = {
  status: 'not-known',
  why: 'The text could not be read.',
  wouldSettle: 'The official PDF, section 4.2.2.',
};

const profile = {
  title: 'Deserters',
  scope: 'Men who left the army without permission.',
  lastUpdate: '2023-01',
  conclusions: {
    persecution: { answer: 'yes', provisions: ['qd-9-2-e'], summary: 'Persecution.', supportedBy: ['penalties'] },
    risk: { level: 'in-general', summary: 'In general.', supportedBy: ['penalties', 'evaders#call-ups'] },
    nexus: {
      grounds: [{ ground: 'political-opinion', imputed: true, likelihood: 'highly-likely' }],
      summary: 'Imputed opinion.',
      supportedBy: ['penalties'],
    },
    exclusion: { consider: true, summary: 'May need to be examined.' },
  },
};

/** The paths of the issues a failed parse reports, joined with dots. */
const issuePaths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => i.path.join('.'));

describe('CountrySchema', () => {
  it('accepts a country with name, ISO code and description', () => {
    expect(CountrySchema.safeParse(country).success).toBe(true);
  });

  it('rejects a lower-case or three-letter ISO code', () => {
    expect(issuePaths(CountrySchema.safeParse({ ...country, iso: 'tl' }))).toEqual(['iso']);
    expect(issuePaths(CountrySchema.safeParse({ ...country, iso: 'TLD' }))).toEqual(['iso']);
  });

  it('rejects an empty (whitespace only) name', () => {
    expect(issuePaths(CountrySchema.safeParse({ ...country, name: '   ' }))).toEqual(['name']);
  });

  it('rejects an unknown field', () => {
    expect(CountrySchema.safeParse({ ...country, capital: 'Testville' }).error?.issues[0].code).toBe(
      'unrecognized_keys',
    );
  });
});

describe('EditionSchema', () => {
  it('accepts a current edition and defaults its changes to []', () => {
    const result = EditionSchema.parse(edition);
    expect(result.changes).toEqual([]);
  });

  it('accepts a Date object for a full date field (YAML loaders may produce Dates)', () => {
    const result = EditionSchema.parse({ ...edition, published: new Date('2024-06-01T00:00:00Z') });
    expect(result.published).toBe('2024-06-01');
  });

  it('accepts a partial COI period and a superseded edition', () => {
    const result = EditionSchema.safeParse({
      ...edition,
      coiPeriod: { from: '2023-01', to: '2024' },
      supersededBy: 'testland-2025-01',
      supersededOn: '2025-01-10',
    });
    expect(result.success).toBe(true);
  });

  it('rejects a month-only published date (a full date is required)', () => {
    expect(issuePaths(EditionSchema.safeParse({ ...edition, published: '2024-06' }))).toEqual(['published']);
  });

  it('rejects a legal basis other than qd or qr', () => {
    expect(issuePaths(EditionSchema.safeParse({ ...edition, legalBasis: 'gc' }))).toEqual(['legalBasis']);
  });

  it('rejects a missing sourcesUpTo', () => {
    const { sourcesUpTo: _, ...rest } = edition;
    expect(issuePaths(EditionSchema.safeParse(rest))).toEqual(['sourcesUpTo']);
  });
});

describe('SourceSchema', () => {
  it('accepts a report with structure and defaults its language to en', () => {
    expect(SourceSchema.parse(source).language).toBe('en');
  });

  it('accepts a person as author and a Date object as issued date', () => {
    const result = SourceSchema.parse({
      ...source,
      author: [{ family: 'Doe', given: 'Jane' }],
      issued: new Date('2022-11-15T00:00:00Z'),
    });
    expect(result.issued).toBe('2022-11-15');
  });

  it.each(['2022', '2022-11', '2022-11-15'])('accepts the partial issued date %s', (issued) => {
    expect(SourceSchema.safeParse({ ...source, issued }).success).toBe(true);
  });

  it('accepts legislation with registered articles and a judgment with paragraphs', () => {
    expect(
      SourceSchema.safeParse({ ...source, type: 'legislation', structure: { articles: ['9', '10a'] } }).success,
    ).toBe(true);
    expect(
      SourceSchema.safeParse({ ...source, type: 'legal_case', structure: { paragraphs: 52, points: 3 } }).success,
    ).toBe(true);
  });

  it('rejects an unknown CSL type', () => {
    expect(issuePaths(SourceSchema.safeParse({ ...source, type: 'paper' }))).toEqual(['type']);
  });

  it('accepts paragraphs as a count or as the first and last paragraph of an excerpt', () => {
    expect(SourceSchema.safeParse({ ...source, structure: { paragraphs: 52 } }).success).toBe(true);
    expect(SourceSchema.safeParse({ ...source, structure: { paragraphs: [167, 174] } }).success).toBe(true);
  });

  it('rejects an excerpt given as one paragraph in a list', () => {
    expect(SourceSchema.safeParse({ ...source, structure: { paragraphs: [167] } }).success).toBe(false);
  });

  it('rejects an empty author list', () => {
    expect(issuePaths(SourceSchema.safeParse({ ...source, author: [] }))).toEqual(['author']);
  });

  it('rejects a non-http URL', () => {
    expect(issuePaths(SourceSchema.safeParse({ ...source, URL: 'ftp://example.org/x' }))).toEqual(['URL']);
  });

  it.each([
    ['https://example.org/a}b', 'U+007D RIGHT CURLY BRACKET at position 22'],
    ['https://example.org/a{b', 'U+007B LEFT CURLY BRACKET at position 22'],
    ['https://example.org/a b', 'U+0020 SPACE at position 22'],
    ['https://example.org/a"b', 'U+0022 QUOTATION MARK at position 22'],
    ['https://example.org/a\u0007b', 'U+0007 ALERT at position 22'],
    ['https://example.org/a\u2028b', 'U+2028 LINE SEPARATOR at position 22'],
    ['/sources/x', 'is not an absolute URL'],
  ])('rejects the URL %j, naming what is wrong', (URL, message) => {
    const result = SourceSchema.safeParse({ ...source, URL });
    expect(issuePaths(result)).toEqual(['URL']);
    expect(result.error?.issues[0].message).toContain(message);
  });

  it('accepts a percent-encoded URL', () => {
    expect(SourceSchema.safeParse({ ...source, URL: 'https://example.org/a%7Bb%7D?q=%20' }).success).toBe(true);
  });

  it('rejects an archive fingerprint that is not a SHA-256', () => {
    expect(
      issuePaths(SourceSchema.safeParse({ ...source, archive: { path: 'archive/x.pdf', sha256: 'abc' } })),
    ).toEqual(['archive.sha256']);
  });

  it('rejects a page count of zero and a section page that is not a whole number', () => {
    expect(issuePaths(SourceSchema.safeParse({ ...source, structure: { pages: 0 } }))).toEqual(['structure.pages']);
    expect(
      issuePaths(SourceSchema.safeParse({ ...source, structure: { sections: [{ id: '1', pages: [1, 2.5] }] } })),
    ).toEqual(['structure.sections.0.pages.1']);
  });

  it('rejects a missing access level', () => {
    const { access: _, ...rest } = source;
    expect(issuePaths(SourceSchema.safeParse(rest))).toEqual(['access']);
  });

  // YAML reads the documented year-only form as a number when it is not quoted (`issued: 2011`).
  it('accepts a year-only issued date that YAML read as a number (issued: 2011)', () => {
    expect(SourceSchema.safeParse({ ...source, issued: 2011 }).success).toBe(true);
  });
});

describe('ProvisionSchema', () => {
  it('accepts an article with parts and defaults parts to []', () => {
    expect(ProvisionSchema.safeParse(provision).success).toBe(true);
    const { parts: _, ...noParts } = provision;
    expect(ProvisionSchema.parse(noParts).parts).toEqual([]);
  });

  it('rejects an instrument other than qd or qr', () => {
    expect(issuePaths(ProvisionSchema.safeParse({ ...provision, instrument: 'apd' }))).toEqual(['instrument']);
  });

  it('rejects a part id written like a label ("2(e)")', () => {
    expect(
      issuePaths(
        ProvisionSchema.safeParse({ ...provision, parts: [{ id: '2(e)', label: 'Article 9(2)(e)', summary: 'x' }] }),
      ),
    ).toEqual(['parts.0.id']);
  });

  it('rejects an article given as a number rather than a string', () => {
    expect(issuePaths(ProvisionSchema.safeParse({ ...provision, article: 9 }))).toEqual(['article']);
  });
});

describe('ProfileSchema', () => {
  it('accepts a profile with all four conclusions and fills in defaults', () => {
    const result = ProfileSchema.parse(profile);
    expect(result.related).toEqual([]);
    expect(result.order).toBe(100);
    expect(result.kind).toBe('profile');
    expect(result.conclusions?.persecution).toMatchObject({ knownFrom: 'official-text' });
  });

  it.each(['persecution', 'risk', 'nexus', 'exclusion'] as const)(
    'accepts the not-known form for the %s conclusion',
    (key) => {
      const result = ProfileSchema.parse({ ...profile, conclusions: { ...profile.conclusions, [key]: notKnown } });
      expect(result.conclusions?.[key]).toEqual(notKnown);
    },
  );

  it.each(['press-release', 'secondary', 'inference'] as const)(
    'requires a conclusion known from %s to name what it rests on',
    (knownFrom) => {
      const risk = { ...profile.conclusions.risk, knownFrom };
      expect(
        issuePaths(ProfileSchema.safeParse({ ...profile, conclusions: { ...profile.conclusions, risk } })),
      ).toEqual(['conclusions.risk.basis']);
      const withBasis = {
        ...risk,
        basis: 'The publisher’s news item of 1 June 2024, a general statement naming no profile.',
      };
      expect(
        ProfileSchema.parse({ ...profile, conclusions: { ...profile.conclusions, risk: withBasis } }).conclusions?.risk,
      ).toMatchObject({ knownFrom });
    },
  );

  it('records a nexus the source leaves unnamed without inventing a ground', () => {
    const nexus = { ...profile.conclusions.nexus, grounds: [], groundNotNamed: true };
    expect(
      ProfileSchema.parse({ ...profile, conclusions: { ...profile.conclusions, nexus } }).conclusions?.nexus,
    ).toMatchObject({ grounds: [], groundNotNamed: true });
  });

  it('rejects a not-known conclusion without wouldSettle', () => {
    const { wouldSettle: _, ...partial } = notKnown;
    expect(
      ProfileSchema.safeParse({ ...profile, conclusions: { ...profile.conclusions, risk: partial } }).success,
    ).toBe(false);
  });

  it('accepts a Date object as lastUpdate', () => {
    expect(ProfileSchema.parse({ ...profile, lastUpdate: new Date('2023-01-15T00:00:00Z') }).lastUpdate).toBe(
      '2023-01-15',
    );
  });

  it('rejects an answer outside yes, no and depends', () => {
    expect(
      ProfileSchema.safeParse({
        ...profile,
        conclusions: { ...profile.conclusions, persecution: { ...profile.conclusions.persecution, answer: 'maybe' } },
      }).success,
    ).toBe(false);
  });

  it('rejects a provision id without an instrument prefix', () => {
    expect(
      ProfileSchema.safeParse({
        ...profile,
        conclusions: {
          ...profile.conclusions,
          persecution: { ...profile.conclusions.persecution, provisions: ['9-2-e'] },
        },
      }).success,
    ).toBe(false);
  });

  it('rejects a missing conclusion', () => {
    const { exclusion: _, ...three } = profile.conclusions;
    expect(issuePaths(ProfileSchema.safeParse({ ...profile, conclusions: three }))).toEqual(['conclusions.exclusion']);
  });

  it('accepts an overview without conclusions', () => {
    const { conclusions: _, ...overview } = profile;
    expect(ProfileSchema.safeParse({ ...overview, kind: 'overview' }).success).toBe(true);
  });

  it('rejects a risk profile without conclusions, pointing at conclusions', () => {
    const { conclusions: _, ...bare } = profile;
    expect(issuePaths(ProfileSchema.safeParse(bare))).toEqual(['conclusions']);
  });

  it('rejects an overview that draws conclusions, pointing at kind', () => {
    expect(issuePaths(ProfileSchema.safeParse({ ...profile, kind: 'overview' }))).toEqual(['kind']);
  });

  it('rejects a kind other than profile or overview', () => {
    expect(issuePaths(ProfileSchema.safeParse({ ...profile, kind: 'summary' }))).toEqual(['kind']);
  });

  it('rejects a nexus ground outside the five Convention grounds', () => {
    const nexus = { ...profile.conclusions.nexus, grounds: [{ ground: 'gender', likelihood: 'may' }] };
    expect(ProfileSchema.safeParse({ ...profile, conclusions: { ...profile.conclusions, nexus } }).success).toBe(false);
  });
});

describe('Id, FindingRef and PartialDate', () => {
  it.each([
    ['deserters', true],
    ['draft-evaders', true],
    ['Draft-evaders', false], // upper case
    ['draft--evaders', false], // double hyphen
    ['-draft', false], // leading hyphen
  ])('Id %s → %s', (id, ok) => {
    expect(Id.safeParse(id).success).toBe(ok);
  });

  it.each([
    ['penalties', true],
    ['evaders#call-ups', true],
    ['evaders#', false], // no finding after #
    ['a#b#c', false], // only one profile prefix
  ])('FindingRef %s → %s', (ref, ok) => {
    expect(FindingRef.safeParse(ref).success).toBe(ok);
  });

  it.each([
    ['2024', true],
    ['2024-04', true],
    ['2024-04-15', true],
    ['2024-13', false], // no month 13
    ['2024-04-32', false], // no day 32
    ['24-04', false], // two-digit year
    ['April 2024', false], // prose
  ])('PartialDate %s → %s', (date, ok) => {
    expect(PartialDate.safeParse(date).success).toBe(ok);
  });
});

describe('the valid fixture files', () => {
  const schemas = {
    countries: CountrySchema,
    editions: EditionSchema,
    sources: SourceSchema,
    law: ProvisionSchema,
  } as const;
  const files = Object.entries(schemas).flatMap(([folder, schema]) =>
    readdirSync(join(VALID, folder)).map((name) => [`${folder}/${name}`, schema] as const),
  );

  it.each(files)('%s matches its schema', (file, schema) => {
    expect(schema.safeParse(parse(readFileSync(join(VALID, file), 'utf8'))).error).toBeUndefined();
  });

  it.each(['2023-01/deserters.mdx', '2023-01/evaders.mdx', '2024-06/evaders.mdx'])(
    'profiles/testland/%s frontmatter matches ProfileSchema',
    (file) => {
      const text = readFileSync(join(VALID, 'profiles/testland', file), 'utf8');
      const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(text)![1];
      expect(ProfileSchema.safeParse(parse(frontmatter)).error).toBeUndefined();
    },
  );
});

describe('the provision id grammar', () => {
  it('reads an article and a part of either instrument', () => {
    expect(parseProvisionId('qd-9-2-e')).toEqual({ instrument: 'qd', article: '9', articleId: 'qd-9', part: '2-e' });
    expect(parseProvisionId('qr-12a')).toEqual({ instrument: 'qr', article: '12a', articleId: 'qr-12a' });
  });

  it('refuses what is not a provision id', () => {
    for (const id of ['qx-9', 'qd-', 'qd-9-', 'QD-9', 'qd-9--e']) expect(parseProvisionId(id)).toBeNull();
  });
});
