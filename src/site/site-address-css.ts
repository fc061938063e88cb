/**
 * The site's address as a CSS custom property, `--site-origin: "https://…"`, served as a stylesheet module
 * (`virtual:cg/site-address.css`, imported by the page frame). Print CSS writes it before every internal link's
 * path, so a printed page shows absolute URLs; it is bundled into the site's stylesheet like any other CSS, so no
 * inline style needs a place in the Content-Security-Policy.
 */
import type { Plugin } from 'vite';
import { siteUrl } from './site-url.ts';

export const SITE_ADDRESS_CSS = 'virtual:cg/site-address.css';
// The "\0" prefix marks a virtual module for other plugins; the ".css" suffix makes Vite process it as a stylesheet.
const RESOLVED = `\0${SITE_ADDRESS_CSS}`;

/** The stylesheet for an address: its origin as a CSS string (an origin has no quote or backslash to escape). */
export function siteAddressCss(address: string): string {
  return `:root{--site-origin:${JSON.stringify(new URL(address).origin)}}\n`;
}

export function siteAddressPlugin(address: () => string = siteUrl): Plugin {
  return {
    name: 'cg-site-address-css',
    resolveId: (id) => (id === SITE_ADDRESS_CSS ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? siteAddressCss(address()) : undefined),
  };
}
