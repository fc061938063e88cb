import { describe, expect, it } from 'vitest';
import { checkFixture, edit, FILES, ofRule, setLine } from '../support/corpus-fixture.ts';

// deserters.mdx: frontmatter on lines 1-24, the finding on lines 28-30, "## Reasoning" on line 32.
const reasoningLine = (text: string) => ({ [FILES.deserters]: setLine(32, text) });
const unsafe = (text: string) => ofRule(checkFixture(reasoningLine(text)), 'unsafe-mdx');

describe('unsafe-mdx', () => {
  it('an import line fails at the start of the line', () => {
    expect(unsafe("import Chart from '../components/Chart.astro';")).toEqual([
      {
        file: 'profiles/testland/2023-01/deserters.mdx',
        line: 32,
        column: 1,
        severity: 'error',
        rule: 'unsafe-mdx',
        message: 'MDX files may not import or export code',
        hint: 'remove the line; the components a profile may use (Finding) are provided by the site',
      },
    ]);
  });

  it('an export line fails at the start of the line', () => {
    expect(unsafe('export const meta = { draft: true };')).toEqual([
      expect.objectContaining({ line: 32, column: 1, message: 'MDX files may not import or export code' }),
    ]);
  });

  it('a {expression} fails at its opening brace', () => {
    expect(unsafe('## Reasoning {1 + 1}')).toEqual([
      expect.objectContaining({
        line: 32,
        column: 14,
        message: 'MDX expressions in braces run code and are not allowed in content',
        hint: expect.stringContaining('write \\{ for a literal brace'),
      }),
    ]);
  });

  it('a <script> tag fails at its opening tag', () => {
    expect(unsafe('<script>alert(1)</script>')).toContainEqual(
      expect.objectContaining({
        line: 32,
        column: 1,
        message: '<script> is not an allowed component or element',
        hint: 'content may use only <Finding> and Markdown',
      }),
    );
  });

  it('an unknown component <Foo /> fails where it starts', () => {
    expect(unsafe('See <Foo /> here.')).toEqual([
      expect.objectContaining({ line: 32, column: 5, message: '<Foo> is not an allowed component or element' }),
    ]);
  });

  it('an attribute expression id={x} on an allowed component fails at the tag', () => {
    const problems = checkFixture({
      [FILES.deserters]: edit('<Finding id="penalties" asOf="2022-10"', '<Finding id={x} asOf="2022-10"'),
    });
    expect(ofRule(problems, 'unsafe-mdx')).toEqual([
      expect.objectContaining({
        line: 28,
        column: 1,
        message: '<Finding> attributes must be plain quoted strings',
        hint: expect.stringContaining('expressions in braces and spreads run code'),
      }),
    ]);
  });

  it('an escaped brace \\{ is not flagged', () => {
    expect(unsafe('Sets are written \\{a, b\\}.')).toEqual([]);
  });

  it('inline code containing { or <Foo> is not flagged', () => {
    expect(unsafe('Write `{x}` or ``<Foo />`` to show code.')).toEqual([]);
  });

  it('a fenced code block containing {, <Foo> and import lines is not flagged', () => {
    expect(unsafe("```mdx\nimport Foo from './Foo.astro';\n<Foo id={x} />\n{1 + 1}\n```")).toEqual([]);
  });

  it('a ~~~ fenced code block is not flagged either', () => {
    expect(unsafe('~~~\n<script>alert(1)</script>\n~~~')).toEqual([]);
  });

  it('a line starting with "import" inside a paragraph (prose, not code) is not flagged', () => {
    // MDX reads ESM only at the start of a block: a wrapped line of prose such as this one is paragraph text. (An
    // earlier hand-written scanner rejected it; the check now reads the compiler's own tree.)
    expect(unsafe('Sanctions restrict the\nimport of goods from abroad.')).toEqual([]);
  });

  it('a quoted attribute value containing ">" is not flagged', () => {
    // A ">" inside a quoted attribute does not end the tag: this <Finding> is valid, and so is its </Finding>.
    const problems = checkFixture({
      [FILES.evaders2023]: edit(
        'uncertain="Reported by one source only."',
        'uncertain="Only one source; counts > 1,000 unverified."',
      ),
    });
    expect([...ofRule(problems, 'unsafe-mdx'), ...ofRule(problems, 'syntax')]).toEqual([]);
  });

  it('the allowed component <Finding> with quoted attributes passes', () => {
    expect(ofRule(checkFixture(), 'unsafe-mdx')).toEqual([]);
  });

  // A code span ends with its paragraph: in MDX an unmatched backtick is literal text and the next paragraph is
  // parsed as JSX, so the <script> below would reach the page if the check treated it as code.
  it('a lone backtick does not hide a <script> tag in a later paragraph', () => {
    expect(unsafe('Fines are 5` a day.\n\n<script>alert(1)</script>\n\nAnother ` here.')).toContainEqual(
      expect.objectContaining({ line: 34, column: 1, message: '<script> is not an allowed component or element' }),
    );
  });

  it('a lone backtick does not hide a {expression} in a later paragraph', () => {
    expect(unsafe('Fines are 5` a day.\n\n{globalThis.process}\n\nAnother ` here.')).toEqual([
      expect.objectContaining({ line: 34, column: 1 }),
    ]);
  });
});
