/**
 * Where the full build's extra time goes. Not part of `npm run bench` (its numbers would be disturbed by the
 * profiler); run it by hand after a benchmark:
 *
 *   node scripts/bench/breakdown.ts [--n 1000] [--keep <dir>]
 *
 * On the same synthetic corpus as the benchmark it reports
 *   1. the content checks, split into loading (parse + schema) and each rule;
 *   2. one full and one bare `astro build`, each under `--cpu-prof`, with an instrumented config that times every
 *      integration hook and the Vite transform hooks of every plugin (the repository's config is imported
 *      unchanged and only wrapped);
 *   3. per-route-type render time, summed from Astro's per-page log lines;
 *   4. CPU self time by where the code lives (our src/ files, each package), full next to bare, and inclusive time
 *      of a few functions of interest.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHECKS } from '../../src/checks/index.ts';
import { loadCorpus } from '../../src/corpus/corpus.ts';
import { writeBareProject } from './bare-project.ts';
import { writeCorpus } from './corpus.ts';
import { renderTimeByKind } from './page-kinds.ts';

const { values } = parseArgs({ options: { n: { type: 'string', default: '1000' }, keep: { type: 'string' } } });
const n = Number(values.n);
const repo = resolve(import.meta.dirname, '../..');
const astroBin = join(repo, 'node_modules/astro/bin/astro.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'cg-breakdown-'));
// Full-build output under the repository's tmp/, for the reason given in scripts/bench.ts.
mkdirSync(join(repo, 'tmp'), { recursive: true });
const repoTmp = mkdtempSync(join(repo, 'tmp', 'cg-breakdown-'));
const ms = (x: number) => `${(x / 1000).toFixed(2)} s`.padStart(9);

/** Times every integration hook and every plugin's transform; writes the totals to $BENCH_TIMINGS on exit. */
const TIMING_WRAPPER = `
import { writeFileSync } from 'node:fs';
const totals = {};
const add = (name, t0, async) => { const t = (totals[name] ??= { ms: 0, calls: 0, async: false }); t.ms += performance.now() - t0; t.calls++; t.async ||= async; };
const timed = (name, fn) => function (...args) {
  const t0 = performance.now();
  const out = fn.apply(this, args);
  if (out && typeof out.then === 'function') return out.then((v) => { add(name, t0, true); return v; }, (e) => { add(name, t0, true); throw e; });
  add(name, t0, false);
  return out;
};
const wrapped = new WeakSet();
const wrapTransforms = (plugins) => {
  for (const p of plugins) {
    if (!p || wrapped.has(p) || !p.transform) continue;
    wrapped.add(p);
    const name = 'transform ' + p.name;
    if (typeof p.transform === 'function') p.transform = timed(name, p.transform);
    else if (typeof p.transform.handler === 'function') p.transform = { ...p.transform, handler: timed(name, p.transform.handler) };
  }
};
const timer = { name: 'bench:timer', enforce: 'pre', configResolved(c) { wrapTransforms(c.plugins); } };
const wrapIntegrations = (integrations) => integrations.map((i) => ({
  ...i,
  hooks: Object.fromEntries(Object.entries(i.hooks).map(([hook, fn]) => [hook, timed(i.name + ' ' + hook, fn)])),
}));
process.on('exit', () => writeFileSync(process.env.BENCH_TIMINGS, JSON.stringify(totals)));
export function instrument(config, cacheDir) {
  return { ...config, cacheDir, integrations: wrapIntegrations(config.integrations ?? []), vite: { ...config.vite, cacheDir: cacheDir + '/vite', plugins: [timer, ...(config.vite?.plugins ?? [])] } };
}
`;

interface Timings {
  [name: string]: { ms: number; calls: number; async: boolean };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/** Where code lives: one of our src/ files, a package, compiled content, Node itself, or V8 (GC, idle…). */
function category(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const path = url.replace(/^file:\/\//, '');
  if (path.startsWith(join(repo, 'src'))) return relative(repo, path).replace(/\?.*$/, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1];
  if (/\.mdx/.test(path)) return 'compiled MDX (content)';
  if (path.startsWith('node:')) return 'node: internals';
  if (/\/dist\/|\.astro|chunks|prerender/.test(path)) return 'built site bundle (pages, components)';
  return relative(repo, path) || path;
}

const INTERESTING = [
  'loadCorpus',
  'runChecks',
  'scanMdx',
  'judgeTree',
  'reliancesOn',
  'conclusionsResting',
  'fullReference',
  'toBiblatex',
  'getCorpus',
  'render',
  'createIndex',
  'addDirectory',
];

/** Self time by category and inclusive time of INTERESTING functions, over every .cpuprofile in `dir`. */
function cpuProfile(dir: string): { self: Map<string, number>; inclusive: Map<string, number>; total: number } {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const prof = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      nodes: ProfileNode[];
      samples: number[];
      timeDeltas: number[];
    };
    const byId = new Map(prof.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of prof.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
    prof.samples.forEach((id, i) => {
      const dt = (prof.timeDeltas[i] ?? 0) / 1000;
      const node = byId.get(id)!;
      if (node.callFrame.functionName === '(idle)') return;
      total += dt;
      const cat = category(node.callFrame.url, node.callFrame.functionName);
      self.set(cat, (self.get(cat) ?? 0) + dt);
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const fn = byId.get(cur)!.callFrame.functionName;
        if (INTERESTING.includes(fn) && !seen.has(fn)) {
          seen.add(fn);
          inclusive.set(fn, (inclusive.get(fn) ?? 0) + dt);
        }
      }
    });
  }
  return { self, inclusive, total };
}

function build(
  name: string,
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): { wall: number; log: string; timings: Timings; prof: ReturnType<typeof cpuProfile> } {
  const profDir = join(tmp, `prof-${name}`);
  const timingsFile = join(tmp, `timings-${name}.json`);
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, astroBin, 'build', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: {
      ...process.env,
      ...env,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      BENCH_TIMINGS: timingsFile,
    },
  });
  const wall = performance.now() - started;
  const log = `${r.stdout}${r.stderr}`;
  if (values.keep) writeFileSync(join(resolve(values.keep), `breakdown-${name}.log`), log);
  if (r.status !== 0) throw new Error(`${name} build failed:\n${log.split('\n').slice(-40).join('\n')}`);
  return { wall, log, timings: JSON.parse(readFileSync(timingsFile, 'utf8')) as Timings, prof: cpuProfile(profDir) };
}

try {
  if (values.keep) mkdirSync(resolve(values.keep), { recursive: true });
  const content = join(tmp, 'content');
  const summary = writeCorpus(content, n);
  console.log(
    `corpus: ${summary.profiles} profiles, ${summary.clusters} citation clusters, ${summary.meanWords} words per profile`,
  );

  // 1. The checks, in this process.
  let t0 = performance.now();
  const corpus = loadCorpus(content);
  const load = performance.now() - t0;
  console.log(
    `\n1. content checks (in-process)\n${ms(load)}  loadCorpus (read, YAML parse, Zod schemas, scanMdx, position tables)`,
  );
  for (const check of CHECKS) {
    t0 = performance.now();
    check(corpus);
    const t = performance.now() - t0;
    if (t > 20) console.log(`${ms(t)}  ${check.name}`);
  }

  // 2. Instrumented builds.
  writeFileSync(join(tmp, 'instrument.mjs'), TIMING_WRAPPER);
  writeFileSync(
    join(tmp, 'full.config.mjs'),
    `import config from ${JSON.stringify(join(repo, 'astro.config.mjs'))};\nimport { instrument } from './instrument.mjs';\nexport default instrument(config, ${JSON.stringify(join(tmp, 'cache-full'))});\n`,
  );
  const bareRoot = join(tmp, 'bare');
  mkdirSync(bareRoot);
  writeBareProject(bareRoot, {
    nodeModules: join(repo, 'node_modules'),
    profilesDir: join(content, 'profiles'),
    outDir: join(bareRoot, 'dist'),
    cacheDir: join(tmp, 'cache-bare'),
  });
  writeFileSync(
    join(bareRoot, 'bench.config.mjs'),
    `import config from './astro.config.mjs';\nimport { instrument } from '../instrument.mjs';\nexport default instrument(config, ${JSON.stringify(join(tmp, 'cache-bare'))});\n`,
  );

  const full = build('full', repo, ['--config', relative(repo, join(tmp, 'full.config.mjs'))], {
    CG_CONTENT_DIR: content,
    CG_OUT_DIR: join(repoTmp, 'out'),
  });
  const bare = build('bare', bareRoot, ['--config', 'bench.config.mjs'], {});

  for (const [name, b] of [
    ['full', full],
    ['bare', bare],
  ] as const) {
    console.log(`\n2. ${name} build: ${ms(b.wall)} wall under the profiler; phases, then hooks and transforms ≥ 50 ms`);
    const phases = /Completed in ([\d.]+)s\.\s*\n[^\n]*\[build\] Building static/.exec(b.log);
    if (phases) console.log(`${ms(Number(phases[1]) * 1000)}  Astro "Collecting build info" (content sync, types)`);
    const viteBuilt = [...b.log.matchAll(/\[vite\] ✓ built in ([\d.]+)(ms|s)/g)].reduce(
      (a, m) => a + Number(m[1]) * (m[2] === 's' ? 1000 : 1),
      0,
    );
    console.log(`${ms(viteBuilt)}  Vite bundling ("✓ built in", all environments)`);
    const generated = /generating static routes[\s\S]*?✓ Completed in ([\d.]+)(ms|s)\./.exec(b.log);
    if (generated)
      console.log(`${ms(Number(generated[1]) * (generated[2] === 's' ? 1000 : 1))}  generating static routes`);
    for (const [hook, t] of Object.entries(b.timings).sort((a, c) => c[1].ms - a[1].ms)) {
      // Async transforms run many at a time and include waiting, so their sum says nothing about wall time.
      if (t.ms >= 50 && !(t.async && hook.startsWith('transform ')))
        console.log(`${ms(t.ms)}  ${hook} (${t.calls} calls)`);
    }
    const asyncTransforms = Object.entries(b.timings)
      .filter(([hook, t]) => t.async && hook.startsWith('transform '))
      .map(([hook]) => hook.slice(10));
    if (asyncTransforms.length)
      console.log(`   (not summed: async transforms ${asyncTransforms.join(', ')}; they overlap)`);
    console.log(`\n3. ${name} build: render time by kind of page (sum of Astro's per-page "+ms")`);
    for (const [kind, r] of [...renderTimeByKind(b.log)].sort((a, c) => c[1].ms - a[1].ms))
      console.log(`${ms(r.ms)}  ${kind}: ${r.pages} pages, ${(r.ms / r.pages).toFixed(1)} ms each`);
  }

  console.log(
    `\n4. CPU self time (main thread and workers, idle excluded): full ${ms(full.prof.total)}, bare ${ms(bare.prof.total)}`,
  );
  const cats = [...new Set([...full.prof.self.keys(), ...bare.prof.self.keys()])]
    .map((c) => ({ c, f: full.prof.self.get(c) ?? 0, b: bare.prof.self.get(c) ?? 0 }))
    .sort((a, c) => c.f - c.b - (a.f - a.b));
  console.log(`${'full'.padStart(9)} ${'bare'.padStart(9)} ${'extra'.padStart(9)}  where`);
  for (const { c, f, b } of cats.filter((x) => Math.abs(x.f - x.b) >= 100 || x.f >= 500))
    console.log(`${ms(f)} ${ms(b)} ${ms(f - b)}  ${c}`);
  console.log('   inclusive time of functions of interest (full build)');
  for (const [fn, t] of [...full.prof.inclusive].sort((a, c) => c[1] - a[1])) console.log(`${ms(t)}  ${fn}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(repoTmp, { recursive: true, force: true });
}
