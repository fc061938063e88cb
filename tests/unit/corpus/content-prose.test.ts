import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentProse, proseStrings } from '../../../src/corpus/content-prose.ts';
import { sharedRuns, shingles } from '../../../src/citing/copied-text.ts';

const SOURCE =
  'the reported ill treatment of returning deserters by the intelligence branches reached the level of persecution in most cases';
const COPIED = 'ill treatment of returning deserters by the intelligence branches reached the level of persecution';

const dir = mkdtempSync(join(tmpdir(), 'prose-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
}

describe('the copy check reads every text field we write', () => {
  it('finds a copied run planted in a conclusion summary in the frontmatter', () => {
    write(
      'profiles/tl/2024-06/deserters.mdx',
      `---\ntitle: Deserters\nconclusions:\n  risk:\n    level: in-general\n    summary: "Yes: ${COPIED}."\n---\n\nBody in our own words.\n`,
    );
    const prose = contentProse(dir).find((p) => p.file.endsWith('deserters.mdx'))!;
    expect(sharedRuns(prose.text, shingles(SOURCE))).toEqual([COPIED]);
  });

  it.each(['why', 'wouldSettle', 'basis'])("finds a copied run in a not-known conclusion's %s", (field) => {
    const texts = proseStrings({ conclusions: { nexus: { status: 'not-known', [field]: COPIED } } });
    expect(sharedRuns(texts.join('\n'), shingles(SOURCE))).toEqual([COPIED]);
  });

  it('finds a copied run in risk factors, a list nested in a conclusion', () => {
    expect(proseStrings({ conclusions: { risk: { factors: ['first factor', COPIED] } } })).toContain(COPIED);
  });

  it("reads prose fields of any YAML file, including ones not listed before (an edition's changes)", () => {
    write('editions/tl-2024-06.yaml', `title: Guidance\nchanges:\n  - "${COPIED}"\n`);
    const prose = contentProse(dir).find((p) => p.file.endsWith('tl-2024-06.yaml'))!;
    expect(prose.text).toContain(COPIED);
  });

  it('refuses an alias bomb at its file before anything expands, as the content check does', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    write('editions/tl-2024-07.yaml', lines.join('\n') + '\n');
    try {
      expect(() => contentProse(dir)).toThrow(/tl-2024-07\.yaml: .*(anchor|alias)/);
    } finally {
      rmSync(join(dir, 'editions/tl-2024-07.yaml'));
    }
  });

  it('leaves out titles, authors and URLs, which must match their sources', () => {
    expect(
      proseStrings({
        title: COPIED,
        shortTitle: COPIED,
        author: [{ literal: COPIED }],
        URL: 'https://x.test/a b',
        description: 'ours',
      }),
    ).toEqual(['ours']);
  });
});
