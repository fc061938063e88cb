/// <reference types="vitest/config" />
/**
 * Four test projects, run together by `npm test`:
 * - unit: the modules of src/ that run in Node or anywhere, with Astro's Vite setup so `astro:*` imports resolve;
 * - content: integrity of the real content/ (every check passes, coverage of the editions);
 * - build: the real `astro build` and `npm run check` as child processes, and gates over the built HTML;
 * - browser: Chromium (Debian's /usr/bin/chromium via playwright-core) over the built site.
 * Build and browser share one global setup that builds content/ and the valid fixture once per run.
 * The build project's files run one at a time: its builds write Astro's generated modules in .astro/, so two
 * builds at once (from two files) could render one content folder's entries with the other's modules.
 */
import { getViteConfig } from 'astro/config';

// Astro would otherwise ask about telemetry on first use and phone home from every test build.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

const builtSite = {
  environment: 'node' as const,
  globalSetup: ['tests/setup/build-site.ts'],
  // A real build takes 5–20 s; a browser page with axe a few seconds.
  testTimeout: 120_000,
  hookTimeout: 180_000,
};

export default getViteConfig(
  {
    test: {
      projects: [
        { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
        { extends: true, test: { name: 'content', include: ['tests/content/**/*.test.ts'], environment: 'node' } },
        {
          extends: false,
          test: { name: 'build', include: ['tests/build/**/*.test.ts'], ...builtSite, fileParallelism: false },
        },
        { extends: false, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], ...builtSite } },
      ],
    },
    // The content-check integration re-reports content warnings whenever a Vite server starts; builds report them.
  },
  { logLevel: 'error' },
);
