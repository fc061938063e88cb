import { describe, expect, it } from 'vitest';
import { digestOf, outputFileOf } from '../../src/integrations/rendered-pages.ts';

describe('where a rendered page will be written', () => {
  it.each([
    ['/', 'page', 'index.html'],
    ['/syria/deserters/', 'page', 'syria/deserters/index.html'],
    ['/syria/2025-12/deserters/', 'page', 'syria/2025-12/deserters/index.html'],
    ['/404/', 'page', '404.html'],
    ['/404', 'page', '404.html'],
    ['/data/v1/syria.json', 'endpoint', 'data/v1/syria.json'],
    ['/updates.xml', 'endpoint', 'updates.xml'],
    ['/sources/report%20one/', 'page', 'sources/report one/index.html'],
  ])('%s (%s) → %s', (pathname, type, file) => {
    expect(outputFileOf(pathname, type)).toBe(file);
  });
});

describe('a file fingerprint', () => {
  it('is the same for the same bytes and differs for one changed byte', () => {
    const a = new TextEncoder().encode('<p>Findings</p>');
    expect(digestOf(a)).toBe(digestOf(Buffer.from('<p>Findings</p>')));
    expect(digestOf(a)).not.toBe(digestOf(Buffer.from('<p>Findingz</p>')));
  });
});
