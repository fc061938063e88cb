/** Every cache of build results keys on the code: any change of it, or of a setting, makes a new fingerprint. */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeFingerprint } from '../../../src/build-cache/code-fingerprint.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const copy = mkdtempSync(join(tmpdir(), 'cg-fingerprint-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));
cpSync(join(ROOT, 'src'), join(copy, 'src'), { recursive: true });
for (const f of ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'])
  cpSync(join(ROOT, f), join(copy, f));
const env = { CG_SITE_URL: 'https://example.org', CG_OUT_DIR: 'a' };

describe('the code fingerprint', () => {
  it('is the same for the same code and settings', () => {
    expect(codeFingerprint(copy, env)).toBe(codeFingerprint(copy, { ...env }));
  });

  it('changes with any file of src/, a project file or a CG_ setting, not with the output folder', () => {
    const before = codeFingerprint(copy, env);
    expect(codeFingerprint(copy, { ...env, CG_OUT_DIR: 'b' })).toBe(before);
    expect(codeFingerprint(copy, { ...env, CG_PUBLISHER: 'An office' })).not.toBe(before);
    writeFileSync(join(copy, 'src/components/new.astro'), '<p>new</p>');
    const added = codeFingerprint(copy, env);
    expect(added).not.toBe(before);
    writeFileSync(join(copy, 'package-lock.json'), '{}');
    expect(codeFingerprint(copy, env)).not.toBe(added);
  });
});
