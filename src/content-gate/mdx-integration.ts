/**
 * The MDX integration with the content gate inside its compiler. One definition, used by astro.config.mjs and by
 * the build test that proves the compiler refuses hostile content on its own, without the corpus check before it.
 */
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { MDX_FEATURES } from './compiler.ts';
import { contentGate } from './satteri-plugin.ts';

/**
 * `@astrojs/mdx` compiling with the features the check parses with, and the gate as its first mdast plugin.
 *
 * `optimize` has the compiler write each run of plain Markdown (paragraphs, lists, citation links: everything but a
 * component such as <Finding>) as one HTML string instead of a tree of JSX calls. The gate has judged the tree by
 * then; the pages come out byte for byte the same (diff of two builds of 1,000 profiles, and of this site), but each
 * compiled profile is smaller to bundle and quicker to render.
 */
export function gatedMdx() {
  return mdx({ optimize: true, processor: satteri({ features: MDX_FEATURES, mdastPlugins: [contentGate()] }) });
}
