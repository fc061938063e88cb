/**
 * Code that runs in the reader's browser (the `<script>` blocks of components and what they import) must never
 * reach a Node-only module: it would fail in the browser, or pull build-time code and data into the page bundle.
 * Follows the real import graph, parsed with es-module-lexer (the lexer Vite itself uses).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { init, parse } from 'es-module-lexer';

const ROOT = resolve(import.meta.dirname, '../../..');
const SRC = join(ROOT, 'src');

/** Packages that may run in a browser; anything else from node_modules, and every `node:` module, may not. */
const BROWSER_PACKAGES = new Set(['diff']);
/** The folders of src/ that hold browser code (CONTRIBUTING.md, "Folders say where code runs"). */
const BROWSER_FOLDERS = ['shared', 'client'].map((f) => join(SRC, f));

/** The module code of each client `<script>` (not `is:inline`, not JSON) in a component, page or layout. */
function clientScripts(): { file: string; code: string }[] {
  const astro = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.astro'));
  return astro.flatMap((f) => {
    const text = readFileSync(join(SRC, f), 'utf8');
    return [
      ...text.matchAll(/<script(?![^>]*\b(?:is:inline|type="application\/(?:ld\+)?json"))[^>]*>([\s\S]*?)<\/script>/g),
    ].map((m) => ({ file: join(SRC, f), code: m[1] }));
  });
}

/** Every module a piece of code reaches, with the chain that reached it; Node-only imports are returned as problems. */
function reach(entry: { file: string; code: string }): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, code: string, chain: string[]) => {
    for (const { n: spec } of parse(code)[0]) {
      if (!spec) continue;
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (seen.has(target)) continue;
        seen.add(target);
        visit(target, readFileSync(target, 'utf8'), [...chain, relative(ROOT, target)]);
        if (target.startsWith(`${SRC}/`) && !BROWSER_FOLDERS.some((f) => target.startsWith(`${f}/`)))
          problems.push(`${[...chain, relative(ROOT, target)].join(' → ')} (Node-side code)`);
      } else if (spec.startsWith('node:') || !BROWSER_PACKAGES.has(spec.split('/')[0])) {
        problems.push(`${[...chain, spec].join(' → ')}`);
      }
    }
  };
  visit(entry.file, entry.code, [relative(ROOT, entry.file)]);
  return problems;
}

describe('browser code stays browser-safe', () => {
  it('finds the client scripts it guards', async () => {
    await init;
    expect(clientScripts().length).toBeGreaterThanOrEqual(3);
  });

  it('no client script reaches node: modules or Node-only packages', async () => {
    await init;
    // Astro strips TypeScript from client scripts; the lexer reads plain JS, so type-only syntax is removed first.
    const problems = clientScripts().flatMap((s) => reach({ ...s, code: stripTypes(s.code) }));
    expect(problems).toEqual([]);
  });

  it('every module in src/shared/ is browser-safe too', async () => {
    await init;
    const shared = readdirSync(join(SRC, 'shared')).filter((f) => f.endsWith('.ts'));
    expect(shared.length).toBeGreaterThan(5);
    const problems = shared.flatMap((f) => {
      const file = join(SRC, 'shared', f);
      return reach({ file, code: stripTypes(readFileSync(file, 'utf8')) });
    });
    expect(problems).toEqual([]);
  });

  it('would catch a client script that imports the corpus loader', async () => {
    await init;
    const file = join(SRC, 'components/Fake.astro');
    expect(
      reach({ file, code: "import { loadCorpus } from '../corpus/corpus.ts';" }).some((p) => p.endsWith('node:fs')),
    ).toBe(true);
  });

  it('would catch a client script that imports a Node-side folder, even a module of it that imports nothing', async () => {
    await init;
    const file = join(SRC, 'components/Fake.astro');
    expect(reach({ file, code: "import { text } from '../site/html.ts';" })).toEqual([
      'src/components/Fake.astro → src/site/html.ts (Node-side code)',
    ]);
    expect(reach({ file, code: "import { formatDate } from '../shared/dates.ts';" })).toEqual([]);
  });
});

/** Removes type-only imports and type annotations the lexer would trip on (the scripts here use few). */
function stripTypes(code: string): string {
  return code.replace(/^\s*import type .*$/gm, '').replace(/<HTMLElement>|<HTMLFormElement>|<HTMLInputElement>/g, '');
}
