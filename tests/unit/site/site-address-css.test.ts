import { describe, expect, it } from 'vitest';
import { SITE_ADDRESS_CSS, siteAddressCss, siteAddressPlugin } from '../../../src/site/site-address-css.ts';

describe('the site address as a CSS custom property, for printed links', () => {
  it('is the origin as a CSS string, without the trailing slash a link path brings', () => {
    expect(siteAddressCss('https://guidance.eu/')).toBe(':root{--site-origin:"https://guidance.eu"}\n');
    expect(siteAddressCss('http://127.0.0.1:4321/')).toBe(':root{--site-origin:"http://127.0.0.1:4321"}\n');
  });

  it('is served as a virtual stylesheet module with the configured address, and nothing else is', () => {
    const plugin = siteAddressPlugin(() => 'https://guidance.eu/');
    const resolve = plugin.resolveId as (id: string) => string | undefined;
    const load = plugin.load as (id: string) => string | undefined;
    const id = resolve(SITE_ADDRESS_CSS)!;
    expect(id).toMatch(/\.css$/);
    expect(load(id)).toBe(siteAddressCss('https://guidance.eu/'));
    expect(resolve('./other.css')).toBeUndefined();
    expect(load('other.css')).toBeUndefined();
  });
});
