/**
 * Global setup of the build and browser projects: builds the real site (content/ → tmp/site) and the valid fixture
 * (tests/fixtures/valid → tmp/fixture-valid) once, before any of their tests, and hands the folders to the tests.
 *
 * The two builds run one after the other: each content folder has its own Astro cache, but both write the generated
 * content modules in .astro/, so two builds at once could render one folder's entries with the other's modules.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroBuild, ROOT } from '../support/run-build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The real site, built from content/. */
    siteDir: string;
    /** The valid fixture's site, built from tests/fixtures/valid. */
    fixtureSiteDir: string;
    /** What the build of the valid fixture printed (stdout and stderr), for tests of the build's messages. */
    fixtureBuildOutput: string;
    /** The valid fixture's site again, with its search index split into parts as a large site's is. */
    fixtureInPartsDir: string;
  }
}

export const SITE_DIR = resolve(ROOT, 'tmp/site');
/** content/, unless CG_CONTENT_DIR says otherwise (for working on tests while content/ is half-written). */
export const SITE_CONTENT = process.env.CG_CONTENT_DIR ?? 'content';
export const FIXTURE_SITE_DIR = resolve(ROOT, 'tmp/fixture-valid');
export const FIXTURE_IN_PARTS_DIR = resolve(ROOT, 'tmp/fixture-parts');
/** One part of the search index per profile page (src/integrations/search-parts.ts): the fixture gets a few. */
const IN_PARTS = { CG_SEARCH_PAGES_PER_PART: '1' };

async function buildOrFail(
  label: string,
  contentDir: string,
  outDir: string,
  env: Record<string, string> = {},
): Promise<string> {
  rmSync(outDir, { recursive: true, force: true });
  const result = await astroBuild({ contentDir, outDir, env });
  if (result.code !== 0) {
    throw new Error(
      `Building ${label} (${contentDir} → ${outDir}) failed with exit code ${result.code}. Build output:\n\n${result.output}`,
    );
  }
  console.log(`built ${label}: ${contentDir} → ${outDir} in ${(result.ms / 1000).toFixed(1)} s`);
  return result.output;
}

/** Builds all three, one after the other; returns what the fixture's build printed. */
async function buildAll(): Promise<string> {
  await buildOrFail('the site', SITE_CONTENT, SITE_DIR);
  const output = await buildOrFail('the valid fixture', 'tests/fixtures/valid', FIXTURE_SITE_DIR);
  await buildOrFail(
    'the valid fixture, its search index in parts',
    'tests/fixtures/valid',
    FIXTURE_IN_PARTS_DIR,
    IN_PARTS,
  );
  return output;
}

// Both projects list this setup; the builds must still happen only once per run.
const shared = globalThis as { cgSiteBuilds?: Promise<string> };

export default async function setup(project: TestProject): Promise<void> {
  shared.cgSiteBuilds ??= buildAll();
  project.provide('fixtureBuildOutput', await shared.cgSiteBuilds);
  project.provide('siteDir', SITE_DIR);
  project.provide('fixtureSiteDir', FIXTURE_SITE_DIR);
  project.provide('fixtureInPartsDir', FIXTURE_IN_PARTS_DIR);
}
