/**
 * Cross-references from prose to findings (src/content-gate/xrefs.ts): the grammar, the compiler naming a link by
 * the finding's title and refusing an unknown target at its place in the file, and the content check's rules
 * (unknown-finding, an error; raw-finding-id, a warning) on the fixture corpus.
 */
import { describe, expect, it } from 'vitest';
import { mdxToJs } from 'satteri';
import { compilerInput, MDX_FEATURES } from '../../../src/content-gate/compiler.ts';
import { contentGate, ContentGateError } from '../../../src/content-gate/satteri-plugin.ts';
import { crossRefOf, idMentions, profilePathOf, targetPath } from '../../../src/content-gate/xrefs.ts';
import { scanMdx } from '../../../src/corpus/mdx-scan.ts';
import { checkFixture, edit, FILES, ofRule } from '../support/corpus-fixture.ts';

describe('the grammar', () => {
  it.each([
    ['#finding-amnesty-covers-deserters', { id: 'amnesty-covers-deserters' }],
    ['../draft-evaders/#finding-uk-view', { profile: 'draft-evaders', id: 'uk-view' }],
  ])('%s links a finding', (url, ref) => expect(crossRefOf(url)).toEqual(ref));

  it.each(['#summary', '../draft-evaders/', 'https://example.org/#finding-x', '../../2024-04/deserters/#finding-x'])(
    '%s is an ordinary link',
    (url) => expect(crossRefOf(url)).toBeNull(),
  );

  it('finds ids written in prose, alone or after a profile, but not ordinary words or citation keys', () => {
    const text = 'see draft-evaders#uk-view and amnesty-covers-deserters, not Article 9 or @eu-qd or well';
    expect(idMentions(text).map(({ profile, id }) => (profile ? `${profile}#${id}` : id))).toEqual([
      'draft-evaders#uk-view',
      'amnesty-covers-deserters',
    ]);
  });

  it('resolves a target within the edition of the profile that links it', () => {
    expect(profilePathOf('/x/content/profiles/syria/2025-12/deserters.mdx')).toBe('syria/2025-12/deserters');
    expect(targetPath('syria/2025-12/deserters', { profile: 'draft-evaders' })).toBe('syria/2025-12/draft-evaders');
    expect(targetPath('syria/2025-12/deserters', {})).toBe('syria/2025-12/deserters');
  });

  it('the scan records links and raw ids with their offsets, and no raw id inside a citation', () => {
    const text = '---\ntitle: T\n---\nSee [](#finding-a-b) and *c-d* [@e-f, p. 1].\n';
    const scan = scanMdx(text);
    expect(scan.crossRefs).toEqual([{ offset: text.indexOf('[]('), id: 'a-b', empty: true }]);
    expect(scan.mentions).toEqual([{ offset: text.indexOf('c-d'), id: 'c-d' }]);
  });
});

const FILE = new URL('file:///site/content/profiles/syria/2025-12/deserters.mdx');
const TITLES = () =>
  new Map([
    ['syria/2025-12/deserters#amnesty-covers-deserters', 'Amnesty covers deserters'],
    ['syria/2025-12/draft-evaders#uk-view', 'The UK view'],
  ]);

async function compile(body: string, findings = TITLES) {
  const { content } = compilerInput(`---\ntitle: T\n---\n${body}`);
  const gate = contentGate({ sources: () => new Map(), findings });
  const options = { features: MDX_FEATURES, mdastPlugins: [gate], jsxImportSource: 'astro', fileURL: FILE };
  return (await mdxToJs(content, options)).code;
}

describe('the compiler', () => {
  it('names an empty link by the finding’s title, keeping its relative URL', async () => {
    const js = await compile(
      'Covered ([](#finding-amnesty-covers-deserters)); see [](../draft-evaders/#finding-uk-view).\n',
    );
    expect(js).toContain('Amnesty covers deserters');
    expect(js).toContain('The UK view');
    expect(js).toContain('href: "../draft-evaders/#finding-uk-view"');
  });

  it('refuses a link to an unknown finding, at the link', async () => {
    const error = await compile('Text.\n\nSee [](../draft-evaders/#finding-uk-veiw).\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentGateError);
    expect([(error as ContentGateError).line, (error as ContentGateError).column]).toEqual([6, 5]);
    expect((error as Error).message).toMatch(/unknown-finding.*"uk-veiw"[\s\S]*did you mean "uk-view"/);
  });

  it('refuses every finding link when it is not told the findings (fails closed)', async () => {
    await expect(compile('See [](#finding-amnesty-covers-deserters).\n', () => new Map())).rejects.toThrow(
      /unknown-finding/,
    );
  });
});

describe('the content check', () => {
  it('an unknown target is an error at the link; a raw id is a warning with the link to write', () => {
    const problems = checkFixture({
      [FILES.deserters]: (text: string) =>
        `${text}\nSee [](#finding-no-such-finding) and *penalties-x*, *penalties*.\n`,
    });
    const [unknown] = ofRule(problems, 'unknown-finding');
    expect(unknown).toMatchObject({
      severity: 'error',
      message: 'link to finding "no-such-finding", which this profile does not have',
    });
    // "penalties" has no hyphen: a plain word as much as an id, it is not reported; "penalties-x" is no finding.
    expect(ofRule(problems, 'raw-finding-id')).toEqual([]);
    const linked = checkFixture({
      [FILES.deserters]: edit('<Finding id="penalties"', '<Finding id="prison-penalties"'),
      [FILES.evaders2023]: (text: string) => `${text}\nAs for deserters (*deserters#prison-penalties*).\n`,
    });
    expect(ofRule(linked, 'raw-finding-id')).toEqual([
      expect.objectContaining({
        file: FILES.evaders2023,
        severity: 'warning',
        hint: "link it, named by the finding's title: [](../deserters/#finding-prison-penalties)",
      }),
    ]);
  });
});
