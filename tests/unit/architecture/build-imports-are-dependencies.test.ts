/**
 * What the build runs must install without devDependencies (`npm ci --omit=dev` on a build machine): every package
 * a TypeScript module of src/ imports (type-only imports aside) is a dependency. Follows the real imports, parsed
 * with es-module-lexer (the lexer Vite itself uses).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { init, parse } from 'es-module-lexer';

const ROOT = resolve(import.meta.dirname, '../../..');
const SRC = join(ROOT, 'src');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** "@scope/name/sub" → "@scope/name", "name/sub" → "name"; undefined for node:, astro: and relative imports. */
function packageOf(spec: string): string | undefined {
  if (spec.startsWith('.') || spec.startsWith('/') || /^(node|astro|virtual):/.test(spec)) return undefined;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Every package each TypeScript module of src/ imports, with the module that imports it. */
async function importedPackages(): Promise<{ module: string; name: string }[]> {
  await init;
  const files = (readdirSync(SRC, { recursive: true, encoding: 'utf8' }) as string[]).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.d.ts'),
  );
  return files.flatMap((module) => {
    const code = readFileSync(join(SRC, module), 'utf8');
    return parse(code)[0].flatMap(({ n, ss }) => {
      // A type-only import is erased before the code runs.
      if (/^(?:import|export)\s+type\b/.test(code.slice(ss))) return [];
      const name = n ? packageOf(n) : undefined;
      return name ? [{ module, name }] : [];
    });
  });
}

describe('the packages the build imports', () => {
  it('finds the imports it guards', async () => {
    const names = new Set((await importedPackages()).map((i) => i.name));
    expect(names).toContain('pagefind');
    expect(names).toContain('htmlparser2');
  });

  it('are all dependencies, so an install without devDependencies can build the site', async () => {
    const missing = (await importedPackages()).filter(({ name }) => !(name in pkg.dependencies));
    expect(missing.map(({ module, name }) => `src/${module} imports ${name}`)).toEqual([]);
  });
});
