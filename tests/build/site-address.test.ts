/**
 * Every permalink and citation prints the site's address, so a build for publishing must know the real one: a
 * production build without it, or with a placeholder, stops before writing anything and says how to set it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { npmRun, ROOT } from '../support/run-build.ts';

const FIXTURE = 'tests/fixtures/valid';

async function build(env: Record<string, string>) {
  mkdirSync(resolve(ROOT, 'tmp'), { recursive: true });
  const outDir = mkdtempSync(resolve(ROOT, 'tmp/out-'));
  onTestFinished(() => rmSync(outDir, { recursive: true, force: true }));
  const result = await npmRun('build', {
    CG_CONTENT_DIR: FIXTURE,
    CG_OUT_DIR: outDir,
    CG_SITE_URL: '',
    CG_PRODUCTION: '',
    ...env,
  });
  return { ...result, outDir, emittedPages: existsSync(join(outDir, 'index.html')) };
}

describe('a production build needs the real site address', () => {
  it('refuses the placeholder address, saying how to set CG_SITE_URL', async () => {
    const result = await build({ CG_PRODUCTION: '1', CG_SITE_URL: 'https://country-guidance.example' });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('CG_SITE_URL "https://country-guidance.example" cannot be published');
    expect(result.output).toContain('CG_SITE_URL=https://<your domain>/ CG_PRODUCTION=1 npm run build');
    expect(result.emittedPages).toBe(false);
  });

  it('refuses to fall back to the local address', async () => {
    const result = await build({ CG_PRODUCTION: '1' });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('CG_SITE_URL is not set');
    expect(result.emittedPages).toBe(false);
  });

  it('prints the configured address in canonical links and permalinks', async () => {
    const result = await build({ CG_PRODUCTION: '1', CG_SITE_URL: 'https://guidance.asylum-agency.eu' });
    expect(result.code, result.output).toBe(0);
    const page = readFileSync(join(result.outDir, 'testland/evaders/index.html'), 'utf8');
    expect(page).toContain('https://guidance.asylum-agency.eu/testland/');
    expect(page).not.toContain('127.0.0.1');
  });
});
