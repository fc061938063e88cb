import { describe, expect, it } from 'vitest';
import { scanMdx } from '../../../src/corpus/mdx-scan.ts';

const FM = '---\ntitle: T\n---\n';

describe('scanMdx: frontmatter', () => {
  it('splits the frontmatter from the body, with offsets', () => {
    const text = `${FM}Body.\n`;
    const scan = scanMdx(text);
    expect(scan.frontmatter).toEqual({ text: 'title: T\n', offset: 4 });
    expect(text.slice(scan.bodyOffset)).toBe('Body.\n');
    expect(scan.problems).toEqual([]);
  });

  it('reads frontmatter in a file with Windows line endings', () => {
    const scan = scanMdx('---\r\ntitle: T\r\n---\r\nBody.\r\n');
    expect(scan.frontmatter?.text).toBe('title: T\r\n');
    expect(scan.problems).toEqual([]);
  });

  it('reports a file without frontmatter at offset 0', () => {
    expect(scanMdx('Body.\n').problems).toEqual([
      expect.objectContaining({ offset: 0, rule: 'syntax', message: 'the file has no frontmatter' }),
    ]);
  });

  it('reports frontmatter that is opened but never closed', () => {
    const scan = scanMdx('---\ntitle: T\nBody.\n');
    expect(scan.frontmatter).toBeNull();
    expect(scan.problems).toContainEqual(
      expect.objectContaining({ offset: 0, message: 'the file has no frontmatter' }),
    );
  });

  it('reads frontmatter after a UTF-8 byte order mark', () => {
    const scan = scanMdx(`\uFEFF${FM}Body.\n`);
    expect(scan.frontmatter?.text).toBe('title: T\n');
    expect(scan.problems).toEqual([]);
  });
});

describe('scanMdx: findings and their citations', () => {
  const text = `${FM}<Finding id="penalties" asOf="2023-10">\nDesertion is punished [@sy-penal-code, art. 100; @snhr-2023, sec. VI, pp. 8-9].\n</Finding>\n\nOutside [@other].\n`;
  const scan = scanMdx(text);

  it('finds each finding with its id, asOf and offsets', () => {
    expect(scan.findings).toHaveLength(1);
    const [f] = scan.findings;
    expect(f).toMatchObject({ id: 'penalties', asOf: '2023-10', uncertain: undefined });
    expect(text.slice(f.offset, f.end)).toMatch(/^<Finding id="penalties"[\s\S]*<\/Finding>$/);
    expect(text.slice(f.attrOffsets.id, f.attrOffsets.id + 9)).toBe('penalties');
    expect(text.slice(f.attrOffsets.asOf, f.attrOffsets.asOf + 7)).toBe('2023-10');
  });

  it('gives each finding the citation clusters inside it, item by item, with the offset of each "@"', () => {
    const [cluster] = scan.findings[0].citations;
    expect(cluster.findingId).toBe('penalties');
    expect(cluster.items.map(({ key, locator }) => ({ key, locator }))).toEqual([
      { key: 'sy-penal-code', locator: 'art. 100' },
      { key: 'snhr-2023', locator: 'sec. VI, pp. 8-9' },
    ]);
    for (const item of cluster.items)
      expect(text.slice(item.offset, item.offset + 1 + item.key.length)).toBe(`@${item.key}`);
    expect(text.slice(cluster.offset, cluster.end)).toBe('[@sy-penal-code, art. 100; @snhr-2023, sec. VI, pp. 8-9]');
  });

  it('lists every cluster of the file, and one outside a finding has no findingId', () => {
    expect(scan.citations).toHaveLength(2);
    expect(scan.citations[1]).toMatchObject({ items: [{ key: 'other', locator: '' }] });
    expect(scan.citations[1].findingId).toBeUndefined();
  });

  it("extracts the finding's text without markup and citations", () => {
    expect(scan.findings[0].text).toBe('Desertion is punished.');
  });

  it('keeps link text and drops Markdown emphasis in the extracted text', () => {
    const [f] = scanMdx(
      `${FM}<Finding id="a" asOf="2024">\nThe **law** of [2023](https://example.org) applies _now_ [@x, p. 1].\n</Finding>\n`,
    ).findings;
    expect(f.text).toBe('The law of 2023 applies now.');
  });

  it('reads the uncertain attribute', () => {
    const [f] = scanMdx(
      `${FM}<Finding id="a" asOf="2024-01" uncertain="Reported by one source only.">\nX [@y].\n</Finding>\n`,
    ).findings;
    expect(f.uncertain).toBe('Reported by one source only.');
  });

  it("carries the finding's title, which names it wherever it is listed", () => {
    expect(
      scanMdx(`${FM}<Finding id="a" asOf="2024-01" title="Call-ups went on">\nX [@y].\n</Finding>\n`).findings[0],
    ).toMatchObject({ id: 'a', title: 'Call-ups went on' });
  });

  it('requires a title on every finding, at the tag', () => {
    const text = `${FM}<Finding id="a" asOf="2024-01">\nX [@y].\n</Finding>\n`;
    expect(scanMdx(text).problems).toEqual([
      {
        offset: text.indexOf('<Finding'),
        rule: 'syntax',
        message: 'finding "a" has no title',
        hint: expect.stringContaining('title="'),
      },
    ]);
  });

  it('rejects an empty or overlong title, at its value', () => {
    const empty = `${FM}<Finding id="a" asOf="2024-01" title=" ">\nX [@y].\n</Finding>\n`;
    expect(scanMdx(empty).problems).toEqual([
      expect.objectContaining({ offset: empty.indexOf('" ">') + 1, message: 'finding "a" has an empty title' }),
    ]);
    const long = `${FM}<Finding id="a" asOf="2024-01" title="${'word '.repeat(17)}">\nX [@y].\n</Finding>\n`;
    expect(scanMdx(long).problems).toEqual([
      expect.objectContaining({ message: 'the title of finding "a" has 84 characters; at most 80' }),
    ]);
  });

  it('rejects an empty uncertain attribute', () => {
    expect(
      scanMdx(`${FM}<Finding id="a" asOf="2024-01" title="A" uncertain="">\nX [@y].\n</Finding>\n`).problems,
    ).toEqual([expect.objectContaining({ rule: 'syntax', message: 'uncertain="" gives no reason' })]);
  });

  it('accepts single-quoted attributes and a tag spread over several lines', () => {
    const scan2 = scanMdx(`${FM}<Finding\n  id='a'\n  asOf='2024-01'\n  title='A'\n>\nX [@y].\n</Finding>\n`);
    expect(scan2.problems).toEqual([]);
    expect(scan2.findings[0]).toMatchObject({ id: 'a', asOf: '2024-01' });
  });

  it('reads a self-closing finding as a finding with no citations', () => {
    expect(scanMdx(`${FM}<Finding id="a" asOf="2024-01" />\n`).findings).toEqual([
      expect.objectContaining({ id: 'a', citations: [], text: '' }),
    ]);
  });
});

describe('scanMdx: citations', () => {
  it('normalises a locator that wraps onto the next line', () => {
    const { citations, problems } = scanMdx(`${FM}Text [@a, sec. 4.2.3,\n  p. 12] more.\n`);
    expect(problems).toEqual([]);
    expect(citations[0].items[0].locator).toBe('sec. 4.2.3, p. 12');
  });

  it('does not read citations inside inline code or a code fence', () => {
    expect(scanMdx(`${FM}Write \`[@a, p. 1]\` like this.\n\n\`\`\`\n[@b]\n\`\`\`\n`).citations).toEqual([]);
  });

  it('does not read an escaped bracket as a citation', () => {
    expect(scanMdx(`${FM}Mail \\[@team] please.\n`).citations).toEqual([]);
  });

  it('reports a citation left open at the end of its paragraph', () => {
    expect(scanMdx(`${FM}Text [@a, p. 1\n\nNext paragraph].\n`).problems).toEqual([
      expect.objectContaining({ offset: FM.length + 5, message: 'citation is not closed' }),
    ]);
  });

  // An unmatched backtick is literal text: the citations after it, up to the next backtick, are still citations,
  // checked and turned into <Cite>.
  it('still reads citations in paragraphs after a lone backtick', () => {
    const { citations } = scanMdx(
      `${FM}Fines are 5\` a day.\n\nDeserters are jailed [@nowhere, p. 1].\n\nAnother \` here.\n`,
    );
    expect(citations.map((c) => c.items[0].key)).toEqual(['nowhere']);
  });

  // Pandoc's prefixed form is either read as a citation or reported: what the scan does not understand never
  // passes every check to be shown as raw text.
  it('does not pass over a prefixed citation such as [see @a, p. 3] in silence', () => {
    const scan = scanMdx(`${FM}As reported [see @a, p. 3].\n`);
    expect(scan.citations.length + scan.problems.length).toBeGreaterThan(0);
  });
});

describe('scanMdx: purity', () => {
  it('gives the same result for the same text', () => {
    const text = `${FM}<Finding id="a" asOf="2024-01">\nX [@y, p. 1].\n</Finding>\n`;
    expect(scanMdx(text)).toEqual(scanMdx(text));
  });
});
