/**
 * What a cached build result was made with, besides its content: the project's code and settings. Every cache of
 * build results (compiled profiles, rendered pages) keys on this, so that a change of code, of a dependency, of the
 * Node version or of a CG_* setting makes every cached result unusable at once instead of silently stale.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Raise to drop every cache written by an earlier format. */
const CACHE_FORMAT = 1;

/** Settings that say where things go, not what is built. */
const NOT_OUTPUT = new Set(['CG_OUT_DIR']);

/** Files outside src/ that change what a build makes. */
const PROJECT_FILES = ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/**
 * A SHA-256 over every file of src/ (path and bytes, in path order), the project files above, the Node version and
 * every CG_* environment variable but the output folder. `root` is the project folder (where astro.config.mjs is).
 */
export function codeFingerprint(root: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  const settings = Object.keys(env)
    .filter((name) => name.startsWith('CG_') && !NOT_OUTPUT.has(name))
    .sort()
    .map((name) => `${name}=${env[name]}\0`)
    .join('');
  const hash = createHash('sha256').update(`format ${CACHE_FORMAT}\nnode ${process.version}\n`);
  const src = resolve(root, 'src');
  const files = [
    ...PROJECT_FILES.map((f) => resolve(root, f)),
    ...(readdirSync(src, { recursive: true }) as string[]).sort().map((f) => join(src, f)),
  ];
  for (const file of files) {
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) continue;
    hash
      .update(`${relative(root, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  }
  return hash.update(settings).digest('hex');
}
