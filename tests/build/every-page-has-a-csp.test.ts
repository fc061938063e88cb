/**
 * Every built page carries a Content-Security-Policy that allows nothing from another origin and no inline script
 * except those the build hashed, while still letting Pagefind run its WebAssembly.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../../scripts/lib/built-pages.ts';

/** A page's CSP meta policies, as directive name → sources. */
function policiesOf(html: string) {
  const doc = parseDocument(html);
  const metas = DomUtils.findAll(
    (e) => e.name === 'meta' && e.attribs['http-equiv']?.toLowerCase() === 'content-security-policy',
    doc.children,
  );
  const policies = metas.map(
    (m) =>
      new Map(
        m.attribs.content
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map(([n, ...s]) => [n, s]),
      ),
  );
  const inInHead = metas.every((m) => m.parent && (m.parent as { name?: string }).name === 'head');
  const inlineScripts = DomUtils.findAll((e) => e.name === 'script' && e.attribs.src === undefined, doc.children).map(
    (s) => DomUtils.textContent(s),
  );
  return { policies, inInHead, inlineScripts };
}

describe.each([
  ['the site built from content/', inject('siteDir')],
  ['the valid fixture', inject('fixtureSiteDir')],
])('%s', (_label, dir) => {
  const pages = listFiles(dir, '.html');

  it('has pages to check', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  it.each(pages)('%s has the CSP meta with the required policy', (file) => {
    const { policies, inInHead, inlineScripts } = policiesOf(readFileSync(join(dir, file), 'utf8'));
    expect(policies).toHaveLength(1);
    expect(inInHead).toBe(true);
    const [policy] = policies;
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    const script = policy.get('script-src') ?? [];
    expect(script.slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(
      script.slice(2).every((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s)),
      script.join(' '),
    ).toBe(true);
    for (const sources of policy.values()) expect(sources.filter((s) => !s.startsWith("'"))).toEqual([]);
    for (const text of inlineScripts)
      expect(script).toContain(`'sha256-${createHash('sha256').update(text).digest('base64')}'`);
  });
});
