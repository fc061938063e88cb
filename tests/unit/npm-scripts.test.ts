/** Every npm script runs with Astro's telemetry off, on any platform, without touching the user's Astro config. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnv, ROOT } from '../support/run-build.ts';

const scripts: Record<string, string> = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')).scripts;

describe('npm scripts', () => {
  it.each(Object.entries(scripts).filter(([name]) => name !== 'preflight'))(
    '%s runs each command through scripts/run.mjs',
    (_name, line) => {
      for (const step of line.split('&&').map((s) => s.trim()))
        expect(step).toMatch(/^(node scripts\/run\.mjs |npm run [\w:-]+$)/);
    },
  );

  it('scripts/run.mjs turns telemetry off for the command it runs, and passes its exit code through', () => {
    const { ASTRO_TELEMETRY_DISABLED: _, ...env } = childEnv();
    const probe = 'console.log(process.env.ASTRO_TELEMETRY_DISABLED); process.exit(3)';
    const result = spawnSync(resolve(ROOT, 'node_modules/.bin/node'), ['scripts/run.mjs', 'node', '-e', probe], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(result.stdout.trim()).toBe('1');
    expect(result.status).toBe(3);
  });
});
