/**
 * Hostile and mistaken content, each judged twice: by the check (`scanMdx`, what `npm run check` and the build's
 * first step read) and by the MDX compiler itself with the gate plugin (what `astro build` compiles). Both must
 * refuse, at the same place; harmless look-alikes must pass both.
 */
import { describe, expect, it } from 'vitest';
import { bodyCompiler } from '../../../src/content-gate/profile-body.ts';
import { ContentGateError } from '../../../src/content-gate/satteri-plugin.ts';
import { scanMdx } from '../../../src/corpus/mdx-scan.ts';
import { positionFinder } from '../../../src/corpus/positions.ts';
import type { Source } from '../../../src/schemas/content.ts';

const FM = '---\ntitle: T\n---\n';
const FINDING = '<Finding id="a" asOf="2024-01" title="A fact">\nA fact [@src, p. 3].\n</Finding>\n';

/** What the check says: the first problem's line, column and rule, or null when it passes. */
function checkSays(body: string) {
  const text = FM + body;
  const scan = scanMdx(text);
  if (!scan.problems.length) return null;
  const [first] = scan.problems;
  return { ...positionFinder(text)(first.offset), rule: first.rule, message: first.message };
}

/** The one source these examples cite, as the corpus would give it to the compiler. */
const SOURCES = () => new Map([['src', { title: 'A report', shortTitle: 'Report', issued: '2024-01-15' } as Source]]);

/** What the compiler says, compiling exactly as `astro build` does: the error's line and column, or null. */
async function compilerSays(body: string) {
  try {
    const compile = bodyCompiler({ markdown: { syntaxHighlight: false }, sources: SOURCES(), findings: new Map() });
    await compile(FM + body, '/site/content/profiles/c/2024-01/p.mdx');
    return null;
  } catch (error) {
    if (error instanceof ContentGateError) return { line: error.line, column: error.column };
    const at = /^(\d+):(\d+):/.exec((error as Error).message);
    return { line: Number(at?.[1]), column: Number(at?.[2]) };
  }
}

// [what an attacker or a careless author writes, the rule the check reports, line, column]
const REFUSED: [string, string, 'unsafe-mdx' | 'syntax', number, number][] = [
  ['import right after a heading', '# Heading\nimport fs from "node:fs"\n', 'unsafe-mdx', 5, 1],
  ['export right after </Finding>', `${FINDING}export const x = globalThis.process.exit(1)\n`, 'unsafe-mdx', 7, 1],
  ['export after a blank line', 'Text.\n\nexport const meta = {}\n', 'unsafe-mdx', 6, 1],
  ['a flow expression', '{globalThis.process.exit(1)}\n', 'unsafe-mdx', 4, 1],
  ['an expression in a heading', '## Risk {1 + 1}\n', 'unsafe-mdx', 4, 9],
  ['an MDX comment', 'Text {/* note */} more.\n', 'unsafe-mdx', 4, 6],
  [
    'an expression attribute on <Finding>',
    '<Finding id={x} asOf="2024-01" title="A">\nA.\n</Finding>\n',
    'unsafe-mdx',
    4,
    1,
  ],
  [
    'a spread attribute on <Finding>',
    '<Finding id="a" asOf="2024-01" title="A" {...props}>\nA.\n</Finding>\n',
    'unsafe-mdx',
    4,
    1,
  ],
  ['a <script> element', '<script>alert(1)</script>\n', 'unsafe-mdx', 4, 1],
  ['an <img> with an event handler', 'See <img src="x" onError="alert(1)" /> here.\n', 'unsafe-mdx', 4, 5],
  ['an <svg> with onload', '<svg onLoad="alert(1)"></svg>\n', 'unsafe-mdx', 4, 1],
  ['an <iframe>', '<iframe src="https://example.org/" />\n', 'unsafe-mdx', 4, 1],
  ['the citation component written by hand', 'Text <Cite items="[]" /> more.\n', 'unsafe-mdx', 4, 6],
  ['a JSX fragment', '<>x</>\n', 'unsafe-mdx', 4, 1],
  ['a member-expression element', '<a.b>x</a.b>\n', 'unsafe-mdx', 4, 1],
  ['an HTML element in a table cell', '| a |\n|---|\n| <b>x</b> |\n', 'unsafe-mdx', 6, 3],
  [
    'markup after a code span that looks closed to a naive scanner',
    'a `` ` `` <b onClick="x">y</b>\n',
    'unsafe-mdx',
    4,
    11,
  ],
  ['markup after a ~~~ fence holding ```', '~~~\n```\n~~~\n<svg onLoad="alert(1)"/>\n', 'unsafe-mdx', 7, 1],
  [
    'a script after a lone backtick',
    'Fines are 5` a day.\n\n<script>alert(1)</script>\n\nAnother ` here.\n',
    'unsafe-mdx',
    6,
    1,
  ],
  ['an HTML comment', 'Text <!-- note --> more.\n', 'syntax', 4, 6],
  ['an autolink in angle brackets', 'See <https://example.org>.\n', 'syntax', 4, 5],
  ['a javascript: link', '[x](javascript:alert(1))\n', 'unsafe-mdx', 4, 1],
  ['a mixed-case JaVaScRiPt: link', '[x](JaVaScRiPt:alert(1))\n', 'unsafe-mdx', 4, 1],
  ['an entity-encoded javascript: link', '[x](&#106;avascript:alert(1))\n', 'unsafe-mdx', 4, 1],
  ['a javascript: link with a tab in the scheme', '[x](<java\tscript:alert(1)>)\n', 'unsafe-mdx', 4, 1],
  ['a javascript: link with leading control characters', '[x](<\u0001javascript:alert(1)>)\n', 'unsafe-mdx', 4, 1],
  ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD4=)\n', 'unsafe-mdx', 4, 1],
  ['a vbscript: link', '[x](vbscript:msgbox)\n', 'unsafe-mdx', 4, 1],
  ['a javascript: link definition', 'See [x].\n\n[x]: javascript:alert(1)\n', 'unsafe-mdx', 6, 1],
  ['an image from another origin', '![x](https://example.org/x.png)\n', 'unsafe-mdx', 4, 1],
  ['an image from a protocol-relative URL', '![x](//example.org/x.png)\n', 'unsafe-mdx', 4, 1],
  ['a data: image', '![x](data:image/svg+xml;base64,PHN2Zz4=)\n', 'unsafe-mdx', 4, 1],
  ['an image reference to another origin', '![x][r]\n\n[r]: https://example.org/x.png\n', 'unsafe-mdx', 4, 1],
  ['a relative image path, which Astro would import as a module', '![x](./evil.js)\n', 'unsafe-mdx', 4, 1],
  ['a finding inside a paragraph', 'Text <Finding id="a" asOf="2024-01">x</Finding>\n', 'syntax', 4, 6],
  [
    'a finding nested in a finding',
    '<Finding id="a" asOf="2024-01" title="A">\n<Finding id="b" asOf="2024-01" title="B">\nx\n</Finding>\n</Finding>\n',
    'syntax',
    5,
    1,
  ],
  [
    'a finding in a list item',
    '- Item\n\n  <Finding id="a" asOf="2024-01" title="A">\n  x\n  </Finding>\n',
    'syntax',
    6,
    3,
  ],
  ['a finding in a quote', '> <Finding id="a" asOf="2024-01" title="A">\n> x\n> </Finding>\n', 'syntax', 4, 3],
  [
    'an unknown attribute on a finding',
    '<Finding id="a" asOf="2024-01" class="x" title="A">\nx\n</Finding>\n',
    'syntax',
    4,
    39,
  ],
];

describe('the content gate refuses hostile content in the check and in the compiler alike', () => {
  it.each(REFUSED)('%s', async (_name, body, rule, line, column) => {
    const check = checkSays(body);
    expect(check).toMatchObject({ rule, line, column });
    expect(await compilerSays(body)).toEqual({ line, column });
  });
});

const PASSED: [string, string][] = [
  ['a finding with citations', FINDING],
  [
    'http, https, mailto, relative and # links',
    '[a](https://example.org) [b](http://example.org) [c](mailto:x@example.org) [d](/sources/) [e](#top) [f](../x/)\n',
  ],
  ['a site-root image', '![Map of the region](/images/map.png)\n'],
  ['escaped braces and angle brackets', 'Sets are written \\{a, b\\} and 3 \\< 4.\n'],
  [
    'code that shows markup and ESM',
    '```mdx\nimport Foo from "./Foo.astro";\n<script>alert(1)</script>\n{1 + 1}\n```\n\nWrite `<Foo />` or `{x}`.\n',
  ],
  ['prose that starts a wrapped line with "import"', 'Sanctions restrict the\nimport of goods.\n'],
  [
    'an attribute value holding ">"',
    '<Finding id="a" asOf="2024-01" uncertain="counts > 1,000 unverified" title="A count">\nA [@src].\n</Finding>\n',
  ],
];

describe('harmless content passes the check and the compiler alike', () => {
  it.each(PASSED)('%s', async (_name, body) => {
    expect(checkSays(body)).toBeNull();
    expect(await compilerSays(body)).toBeNull();
  });
});

describe('the compiler, on its own, refuses a citation of a source it does not know', () => {
  it('at the cited key, with the rule and hint of the content check', async () => {
    const compile = bodyCompiler({ markdown: { syntaxHighlight: false }, sources: SOURCES(), findings: new Map() });
    const compiling = compile(`${FM}Text [@src, p. 1; @unregistered, p. 2].\n`, '/site/p.mdx');
    await expect(compiling).rejects.toThrow(ContentGateError);
    await expect(compiling).rejects.toThrow(
      /:4:\d+ .*unknown-source.*citation names an unknown source "@unregistered"/s,
    );
  });
});

describe('citations, as the compiler writes them', () => {
  const hostile = () =>
    new Map([['src', { title: 'A "report" <b>& more</b>', shortTitle: 'Report', issued: '2024-01-15' } as Source]]);

  it('are part of their paragraph’s HTML, not code run for each citation, with the source’s title escaped', async () => {
    const compile = bodyCompiler({ markdown: { syntaxHighlight: false }, sources: hostile(), findings: new Map() });
    const { nodes } = await compile(`${FM}A fact [@src, p. 3].\n`, '/site/p.mdx');
    expect(nodes).toHaveLength(1);
    expect((nodes[0] as { html: string }).html).toMatch(
      /^<p>A fact <span class="cite">\(<a href="\/sources\/src\/" title="A &quot;report&quot; <b>&amp; more<\/b>[^"]*" data-print-href="[^"]+\/sources\/src\/">[^<]+<\/a>\)<\/span>\.<\/p>$/,
    );
  });
});
