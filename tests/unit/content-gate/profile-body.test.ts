/**
 * A profile's body as pages render it: the compiler's static HTML, text, and each finding with its attributes and
 * what it holds. The compiled code is run with a runtime that only records; anything a body cannot hold fails.
 */
import { describe, expect, it } from 'vitest';
import {
  BODY_COMPONENTS,
  bodyCompiler,
  bodyNodes,
  RECORDING_RUNTIME,
  UnexpectedBodyNode,
} from '../../../src/content-gate/profile-body.ts';
import { MAX_CONTENT_BYTES } from '../../../src/corpus/content-limits.ts';
import type { Source } from '../../../src/schemas/content.ts';

const sources = new Map([['src', { title: 'A report', shortTitle: 'Report', issued: '2024-01-15' } as Source]]);
const compile = bodyCompiler({ markdown: { syntaxHighlight: false }, sources, findings: new Map() });
const FILE = '/site/content/profiles/c/2024-01/p.mdx';
const { jsx } = RECORDING_RUNTIME;

describe('a compiled profile body', () => {
  it('holds the headings with their ids, static HTML, and each finding with its attributes and its HTML', async () => {
    const text = [
      '---',
      'title: T',
      '---',
      '## Findings',
      '',
      '<Finding id="a" asOf="2024-01" title="A fact" uncertain="One source">',
      'A fact [@src, p. 3].',
      '</Finding>',
      '',
      '## What is *not* known',
      '',
      'Much.',
      '',
    ].join('\n');
    const body = await compile(text, FILE);
    expect(body.headings).toEqual([
      { depth: 2, slug: 'findings', text: 'Findings' },
      { depth: 2, slug: 'what-is-not-known', text: 'What is not known' },
    ]);
    expect(body.nodes[0]).toEqual({ html: '<h2 id="findings">Findings</h2>\n' });
    expect(body.nodes[1]).toMatchObject({
      finding: { id: 'a', asOf: '2024-01', title: 'A fact', uncertain: 'One source' },
      children: [{ html: expect.stringMatching(/^<p>A fact <span class="cite">.*<\/span>\.<\/p>$/) }],
    });
    expect(body.nodes.slice(2)).toContainEqual({ html: expect.stringContaining('<p>Much.</p>') });
  });

  it('reads no YAML: aliases in the frontmatter are never expanded (the check refuses them)', async () => {
    const bomb = Array.from({ length: 12 }, (_, i) => `a${i + 1}: &a${i + 1} [${`*a${i}, `.repeat(9)}*a${i}]`);
    const text = `---\ntitle: T\na0: &a0 [lol]\n${bomb.join('\n')}\n---\n\nBody.\n`;
    const started = performance.now();
    expect((await compile(text, FILE)).nodes).toEqual([{ html: '<p>Body.</p>' }]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a file above the size limit and TOML frontmatter, located', async () => {
    const huge = `---\ntitle: T\n---\n${'word '.repeat(MAX_CONTENT_BYTES / 5 + 1)}\n`;
    await expect(compile(huge, FILE)).rejects.toMatchObject({ name: 'ContentGateError', message: /content-limit/ });
    await expect(compile('+++\ntitle = "T"\n+++\n\nBody.\n', FILE)).rejects.toMatchObject({
      line: 1,
      column: 1,
      message: expect.stringMatching(/p\.mdx:1:1 {2}error {2}syntax {2}frontmatter must be YAML/),
    });
  });
});

describe('what the compiled code may render', () => {
  it('is static HTML, text and findings holding them', () => {
    const recorded = jsx(RECORDING_RUNTIME.Fragment, {
      children: [
        jsx(BODY_COMPONENTS.Fragment, { 'set:html': '<p>a</p>' }),
        '\n',
        jsx(BODY_COMPONENTS.Finding, { id: 'a', asOf: '2024-01', title: 'A', children: 'x < y' }),
      ],
    });
    expect(bodyNodes(recorded, FILE)).toEqual([
      { html: '<p>a</p>' },
      { text: '\n' },
      { finding: { id: 'a', asOf: '2024-01', title: 'A' }, children: [{ text: 'x < y' }] },
    ]);
  });

  it.each([
    ['an element', jsx('div', { children: 'x' })],
    ['a finding in a finding', jsx(BODY_COMPONENTS.Finding, { id: 'a', children: jsx(BODY_COMPONENTS.Finding, {}) })],
    ['a finding attribute that is not a string', jsx(BODY_COMPONENTS.Finding, { id: 'a', title: { x: 1 } })],
    ['a static run that is not a string', jsx(BODY_COMPONENTS.Fragment, { 'set:html': 42 })],
    ['another component', jsx(function Other() {}, {})],
  ])('fails on %s', (_, recorded) => {
    expect(() => bodyNodes(recorded, FILE)).toThrow(UnexpectedBodyNode);
  });
});
