/**
 * The MDX integration with the content gate inside its compiler. One definition, used by astro.config.mjs and by
 * the build test that proves the compiler refuses hostile content on its own, without the corpus check before it.
 */
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { MDX_FEATURES } from './compiler.ts';
import { contentGate } from './satteri-plugin.ts';

/** `@astrojs/mdx` compiling with the features the check parses with, and the gate as its first mdast plugin. */
export function gatedMdx() {
  return mdx({ processor: satteri({ features: MDX_FEATURES, mdastPlugins: [contentGate()] }) });
}
