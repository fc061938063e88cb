/**
 * Runs the project's own commands as child processes, the way a contributor or CI runs them: `astro build` and
 * `npm run <script>`, with the pinned Node (node_modules/.bin) first on PATH, since the system Node may be too old.
 */
import { spawn } from 'node:child_process';
import { delimiter, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for assertions that do not care which stream a line went to. */
  output: string;
  ms: number;
}

/** Environment for a child: pinned Node first on PATH, no telemetry, no colours in the text we assert on. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // Vitest sets NODE_ENV=test, which would make a child `astro build` report import.meta.env.DEV as true.
  const { NODE_ENV: _, ...env } = process.env;
  return {
    ...env,
    PATH: `${resolve(ROOT, 'node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}`,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...extra,
  };
}

/** Runs a command in the project root and collects its output; never throws on a non-zero exit. */
export function run(command: string, args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      output += chunk;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr, output, ms: performance.now() - started }));
  });
}

/** `astro build` of a content folder into an output folder (both relative to the root, or absolute), with settings. */
export function astroBuild({
  contentDir,
  outDir,
  env = {},
}: {
  contentDir: string;
  outDir: string;
  env?: Record<string, string>;
}): Promise<RunResult> {
  return run(resolve(ROOT, 'node_modules/.bin/astro'), ['build'], {
    CG_CONTENT_DIR: contentDir,
    CG_OUT_DIR: outDir,
    ...env,
  });
}

/** `npm run <script>` with extra environment, exactly as documented for contributors. */
export function npmRun(script: string, env: Record<string, string> = {}): Promise<RunResult> {
  return run('npm', ['run', script], env);
}
