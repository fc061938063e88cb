declare namespace App {
  interface Locals {
    /**
     * Set by ProfileView before its MDX renders, so that each <Finding> can offer a citation of itself: the profile
     * and edition it belongs to and the edition permalink of the page.
     */
    citeContext?: { base: Omit<import('./shared/citation.ts').CitationTarget, 'item' | 'url'>; permalink: string };
  }
}

/** The site's address as a CSS custom property (src/site/site-address-css.ts). */
declare module 'virtual:cg/site-address.css';
