/**
 * Turns pandoc citation clusters in profile MDX into `<Cite items={…} />` before MDX compiles the file.
 *
 * Why a Vite transform and not a remark plugin: Astro 7's default Markdown processor (Sätteri, Rust) has no syntax
 * extension hook, and switching to the unified processor made MDX builds about 2.8 times slower. Replacing each
 * cluster in place, on the same line, keeps MDX's own error positions right and costs one scan per file.
 */
import type { Plugin } from 'vite';
import { scanMdx } from '../lib/mdx-scan.ts';

/** Rewrites the citation clusters of one MDX text; pure, for testing. */
export function rewriteCitations(code: string): string {
  const { citations } = scanMdx(code);
  let out = '';
  let last = 0;
  for (const cluster of citations) {
    const items = cluster.items.map(({ key, locator }) => ({ key, locator }));
    // Keep every later line where it was: a cluster wrapped over lines leaves its line breaks behind it.
    const breaks = '\n'.repeat((code.slice(cluster.offset, cluster.end).match(/\n/g) ?? []).length);
    out += code.slice(last, cluster.offset) + `<Cite items={${JSON.stringify(items)}} />` + breaks;
    last = cluster.end;
  }
  return out + code.slice(last);
}

/** The Vite plugin; it must run before @astrojs/mdx's own pre-transform. */
export function viteCitations(profilesDir: string): Plugin {
  return {
    name: 'cg:citations',
    enforce: 'pre',
    transform: {
      filter: { id: /\.mdx$/ },
      handler(code, id) {
        if (!id.startsWith(profilesDir)) return null;
        return { code: rewriteCitations(code), map: null };
      },
    },
  };
}
