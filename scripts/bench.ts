/**
 * `npm run bench`: what the pipeline costs against what a team would otherwise build. Builds N synthetic profiles
 * (a) with the project's full pipeline (`astro build`: content checks, compiler gate, citations, every page,
 * Pagefind, publish scan) and (b) as a bare Astro MDX site of the same profile pages plus Pagefind, alternating
 * a, b, a, b … after one untimed warm-up of each (skipped with --runs 1), and prints wall time, CPU time, peak
 * memory and pages (median, min, max), the render cost of each kind of page, and last the median wall-time ratio.
 *
 *   npm run bench -- --n 1000 --runs 3 [--log-dir <dir>]   (--log-dir keeps every timed build's output)
 *   npm run bench -- --n 10000 --runs 1                     (about 10 minutes on two cores)
 *
 * Where the difference goes (checks, hooks, transforms, render time per kind of page, CPU profile):
 * `node scripts/bench/breakdown.ts [--n 1000]`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBareProject } from './bench/bare-project.ts';
import { writeCorpus } from './bench/corpus.ts';
import { oneProfileEdit } from './bench/profile-edit.ts';
import { GNU_TIME, hasGnuTime, measure, type Measurement } from './bench/measure.ts';
import { describeSize, outputSize, type OutputSize } from './bench/output-size.ts';
import { renderTimeByKind } from './bench/page-kinds.ts';
import { stats, table } from './bench/report.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    'log-dir': { type: 'string' },
  },
});
const n = Number(values.n);
const runs = Number(values.runs);
if (!Number.isInteger(n) || n < 10 || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run bench -- [--n 1000] [--runs 3] [--log-dir dir]   (n ≥ 10, runs ≥ 1)');
  process.exit(2);
}
const logDir = values['log-dir'] ? resolve(values['log-dir']) : undefined;

const repo = resolve(import.meta.dirname, '..');
const astroBin = join(repo, 'node_modules/astro/bin/astro.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'cg-bench-'));
// The full build's output goes under the repository's git-ignored tmp/, not os.tmpdir(): when outDir lies outside
// the working directory, Astro writes its prerender bundle to <repo>/.astro/.prerender/ instead of <outDir>/, a
// folder every other build of the repository run at the same time can delete under us (it happened).
mkdirSync(join(repo, 'tmp'), { recursive: true });
const repoTmp = mkdtempSync(join(repo, 'tmp', 'cg-bench-'));
const cleanup = () => {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(repoTmp, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });

/** One of the two builds being compared. */
interface Build {
  name: 'full' | 'bare';
  cwd: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  outDir: string;
  cacheDir: string;
}

function fail(message: string): never {
  console.error(message);
  cleanup();
  process.exit(1);
}

/**
 * The pages a build emitted, as Astro counts them ("123 page(s) built") plus the pages a rebuild published from
 * earlier builds without asking Astro to render them ("K pages published from the store"), else the HTML files
 * written.
 */
function pagesBuilt(output: string, outDir: string): number {
  const m = /(\d+) page\(s\) built/.exec(output);
  const kept = /(\d+) pages published from the store/.exec(output);
  if (m) return Number(m[1]) + Number(kept?.[1] ?? 0);
  return (readdirSync(outDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).length;
}

/**
 * A hash of the code the full build runs (src/, astro.config.mjs, package-lock.json). Others may be editing src/
 * while the benchmark runs; if the hash moves, the runs measured different code and the report says so.
 */
function codeFingerprint(): string {
  const hash = createHash('sha256');
  const files = [
    join(repo, 'astro.config.mjs'),
    join(repo, 'package-lock.json'),
    ...(readdirSync(join(repo, 'src'), { recursive: true }) as string[]).sort().map((f) => join(repo, 'src', f)),
  ];
  for (const file of files) {
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) continue;
    hash.update(file).update(readFileSync(file));
  }
  return hash.digest('hex');
}

const ATTEMPTS = 3;
/** CPU steal (percent) below which a run counts as undisturbed by other guests of the machine. */
const QUIET_STEAL = 2;

/**
 * Runs one build from a clean output folder and an empty cache (so no run reuses another's work).
 *
 * A failed build is run again, up to ATTEMPTS times in all, and the failure is printed: every `astro build` in the
 * repository rewrites <repo>/.astro/content-modules.mjs, which the bundler reads, so a test build started by
 * someone else at the same moment can make ours render with their content map and fail. A failed run measured
 * nothing; a build that is really broken fails every attempt and stops the benchmark.
 */
type Run = Measurement & { pages: number; size: OutputSize };

async function runBuild(b: Build, label: string, attempt = 1, rebuild = false): Promise<Run> {
  // A rebuild starts where an author's does: the previous build's output and caches in place.
  if (!rebuild) {
    rmSync(b.outDir, { recursive: true, force: true });
    rmSync(b.cacheDir, { recursive: true, force: true });
  }
  const m = await measure(process.execPath, [astroBin, ...b.args], { cwd: b.cwd, env: b.env, scratch: tmp });
  if (logDir) writeFileSync(join(logDir, `${label}${attempt > 1 ? `-attempt${attempt}` : ''}.log`), m.output);
  if (m.exitCode !== 0) {
    const tail = m.output.split('\n').slice(-60).join('\n');
    if (attempt >= ATTEMPTS)
      fail(`${b.name} build failed ${ATTEMPTS} times (exit ${m.exitCode}); the last output:\n${tail}`);
    const firstError =
      m.output
        .split('\n')
        .find((l) => /\[ERROR\]|Error:/.test(l))
        ?.trim() ?? `exit ${m.exitCode}`;
    console.log(
      `  ${label} failed after ${m.wallSeconds.toFixed(1)} s (${firstError.slice(0, 200)}); running it again`,
    );
    return runBuild(b, label, attempt + 1, rebuild);
  }
  const pages = pagesBuilt(m.output, b.outDir);
  const size = outputSize(b.outDir);
  console.log(
    `  ${label.padEnd(10)} ${m.wallSeconds.toFixed(2)} s wall, ${m.cpuSeconds?.toFixed(1) ?? '?'} s CPU  ${m.peakMB.toFixed(0)} MB (largest process ${m.largestProcessMB?.toFixed(0) ?? '?'} MB, tree sampled ${m.sampledTreeMB.toFixed(0)} MB)  ${pages} pages  CPU steal ${m.stealPercent?.toFixed(1) ?? '?'}%`,
  );
  return { ...m, pages, size };
}

try {
  if (logDir) mkdirSync(logDir, { recursive: true });
  if (!hasGnuTime())
    console.log(
      `note: ${GNU_TIME} is missing (Debian: apt-get install time); peak memory is the sampled process-tree RSS only`,
    );

  // 1. The synthetic corpus, and the project's own checker over it.
  const contentDir = join(tmp, 'content');
  const corpus = writeCorpus(contentDir, n);
  console.log(
    `corpus: ${corpus.profiles} profiles in ${corpus.editions} editions, ${corpus.sources} sources, ${corpus.provisions} provisions; ${corpus.findings} findings, ${corpus.clusters} citation clusters (${corpus.citedItems} items), ${corpus.crossProfileRefs} cross-profile refs, ${corpus.meanWords} words per profile on average`,
  );
  const checkStarted = performance.now();
  const check = spawnSync(process.execPath, [join(repo, 'scripts/check-content.ts'), contentDir], {
    cwd: repo,
    encoding: 'utf8',
    // At 10,000 profiles the checker lists about 26,000 warnings (3 MB): past spawnSync's default of 1 MB the
    // child is killed and the corpus looked broken.
    maxBuffer: 256 << 20,
  });
  const checkSeconds = (performance.now() - checkStarted) / 1000;
  if (check.status !== 0)
    fail(
      `the synthetic corpus fails the content checks (exit ${check.status}${check.error ? `, ${check.error.message}` : ''}):\n${check.stdout.slice(-4000)}${check.stderr.slice(-4000)}`,
    );
  console.log(`check-content: ${checkSeconds.toFixed(2)} s wall (${check.stdout.trim().split('\n').pop()})`);

  // 2. The two builds. The full build is the repository's own config, unchanged except that its cache lives in a
  //    fresh temp folder: the defaults (node_modules/.astro and Vite's node_modules/.vite) are shared with anyone
  //    else building the repository, and an empty cache makes every run do the same work.
  //    (Astro joins --config onto the project root, hence the relative path.)
  const fullConfig = join(tmp, 'full.config.mjs');
  writeFileSync(
    fullConfig,
    [
      `import config from ${JSON.stringify(join(repo, 'astro.config.mjs'))};`,
      'const cacheDir = process.env.BENCH_CACHE_DIR;',
      'export default { ...config, cacheDir, vite: { ...config.vite, cacheDir: `${cacheDir}/vite` } };',
      '',
    ].join('\n'),
  );
  const bareRoot = join(tmp, 'bare');
  const quiet = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
  const full: Build = {
    name: 'full',
    cwd: repo,
    args: ['build', '--config', relative(repo, fullConfig)],
    outDir: join(repoTmp, 'out'),
    cacheDir: join(tmp, 'cache-full'),
    env: {
      ...quiet,
      CG_CONTENT_DIR: contentDir,
      CG_OUT_DIR: join(repoTmp, 'out'),
      BENCH_CACHE_DIR: join(tmp, 'cache-full'),
    },
  };
  // The bare project's output stays inside its own root too, so both builds put the prerender bundle in outDir.
  const bare: Build = {
    name: 'bare',
    cwd: bareRoot,
    args: ['build'],
    outDir: join(bareRoot, 'dist'),
    cacheDir: join(tmp, 'cache-bare'),
    env: quiet,
  };
  mkdirSync(bareRoot);
  writeBareProject(bareRoot, {
    nodeModules: join(repo, 'node_modules'),
    profilesDir: join(contentDir, 'profiles'),
    outDir: bare.outDir,
    cacheDir: bare.cacheDir,
  });

  const fingerprint = codeFingerprint();
  console.log(
    `load average at the start: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on ${availableParallelism()} CPUs`,
  );
  // 3. One untimed warm-up of each (it fills the OS file cache), then a, b, a, b …
  if (runs > 1) {
    console.log('warm-up (not counted):');
    await runBuild(full, 'full-warm');
    await runBuild(bare, 'bare-warm');
  }
  console.log(`timed runs (${runs} × full, bare):`);
  const results = { full: [] as Run[], bare: [] as Run[] };
  for (let i = 1; i <= runs; i++) {
    for (const b of [full, bare]) results[b.name].push(await runBuild(b, `${b.name}-${i}`));
  }

  // The rebuild after one profile edit, with the caches of the last full run (which the edit follows).
  console.log("rebuild after editing one profile (the last full run's output and caches kept):");
  oneProfileEdit(contentDir).edit('Edited for the rebuild benchmark.');
  const rebuilt = await runBuild(full, 'rebuild-1', 1, true);

  if (codeFingerprint() !== fingerprint)
    console.log(
      'warning: src/, astro.config.mjs or package-lock.json changed while the benchmark ran; the full-build runs may have measured different code',
    );
  const label = { full: 'full build', bare: 'bare MDX + Pagefind' };
  const rows = (['full', 'bare'] as const).map((name) => ({
    name: label[name],
    wall: stats(results[name].map((m) => m.wallSeconds)),
    cpu: results[name].every((m) => m.cpuSeconds !== null) ? stats(results[name].map((m) => m.cpuSeconds!)) : null,
    memory: stats(results[name].map((m) => m.peakMB)),
    pages: results[name][results[name].length - 1].pages,
  }));
  console.log('');
  console.log(table(rows));
  const [f, b] = rows;
  const steal = [...results.full, ...results.bare].flatMap((m) => (m.stealPercent === null ? [] : [m.stealPercent]));
  if (steal.length)
    console.log(
      `CPU steal (time the hypervisor gave other guests) during the timed runs: median ${stats(steal).median.toFixed(1)}%, max ${Math.max(...steal).toFixed(1)}%; above a few percent, wall times are not comparable between runs`,
    );
  for (const name of ['full', 'bare'] as const)
    console.log(`output of the ${label[name]}: ${describeSize(results[name][results[name].length - 1].size)}`);
  if (f.cpu && b.cpu)
    console.log(
      `CPU ratio ${(f.cpu.median / b.cpu.median).toFixed(2)}× (less disturbed than wall time when the machine is busy); peak memory ratio ${(f.memory.median / b.memory.median).toFixed(2)}×`,
    );

  // 4. What each kind of page costs: Astro's per-file render times, summed (median over the runs).
  console.log(
    '\nrender time by kind of page (sum of Astro\'s per-file "+ms", median over the runs; the full build renders four pages at a time (build.concurrency), so its times overlap and add up to more than the wall time):',
  );
  const kinds = (name: 'full' | 'bare') => results[name].map((m) => renderTimeByKind(m.output));
  for (const name of ['full', 'bare'] as const) {
    const perRun = kinds(name);
    for (const kind of perRun[0].keys()) {
      const ms = stats(perRun.map((r) => r.get(kind)?.ms ?? 0)).median;
      const pages = perRun[0].get(kind)!.pages;
      console.log(
        `  ${label[name].padEnd(20)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${String(pages).padStart(6)} pages  ${(ms / pages).toFixed(1).padStart(6)} ms each  ${kind}`,
      );
    }
  }
  console.log(
    `load average at the end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on ${availableParallelism()} CPUs`,
  );
  // Runs the hypervisor slowed down measure the neighbours, not the build: the ratio comes from the quiet runs when
  // each build has at least one, and says so either way.
  const undisturbed = (name: 'full' | 'bare') =>
    results[name].filter((m) => m.stealPercent !== null && m.stealPercent < QUIET_STEAL).map((m) => m.wallSeconds);
  const [quietFull, quietBare] = [undisturbed('full'), undisturbed('bare')];
  const useQuiet = quietFull.length > 0 && quietBare.length > 0;
  const ratio = useQuiet ? stats(quietFull).median / stats(quietBare).median : f.wall.median / b.wall.median;
  console.log(
    useQuiet
      ? `\nratio of median wall times over the runs with under ${QUIET_STEAL}% CPU steal (${quietFull.length} full, ${quietBare.length} bare)`
      : `\nratio of median wall times over all runs: no run of each build had under ${QUIET_STEAL}% CPU steal, so it is disturbed`,
  );
  console.log(`full build ÷ bare build + Pagefind at N=${n}: ${ratio.toFixed(2)}×`);
  console.log(
    `rebuild after one profile edit ÷ full build at N=${n}: ${(rebuilt.wallSeconds / f.wall.median).toFixed(2)}×  (rebuild ${rebuilt.wallSeconds.toFixed(2)} s, CPU steal ${rebuilt.stealPercent?.toFixed(1) ?? '?'}%)`,
  );
} finally {
  cleanup();
}
