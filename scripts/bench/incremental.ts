/**
 * What an author waits for after editing one profile, at N profiles (default 1,000):
 *   1. `astro build` again after the edit, with the caches of the build before it (Astro's and the references);
 *   2. `astro dev`: from saving the file to the page showing the change, and to the page answering with the
 *      citation error when the edit cites an unknown source (the error overlay's report).
 *
 *   node scripts/run.mjs node scripts/bench/incremental.ts [--n 1000]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus.ts';
import { oneProfileEdit } from './profile-edit.ts';

const { values } = parseArgs({ options: { n: { type: 'string', default: '1000' } } });
const n = Number(values.n);
const repo = resolve(import.meta.dirname, '../..');
const astroBin = join(repo, 'node_modules/astro/bin/astro.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'cg-incremental-'));
mkdirSync(join(repo, 'tmp'), { recursive: true });
const repoTmp = mkdtempSync(join(repo, 'tmp', 'cg-incremental-'));
const content = join(tmp, 'content');
const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  CG_CONTENT_DIR: content,
  CG_OUT_DIR: join(repoTmp, 'out'),
};
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function build(label: string): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [astroBin, 'build'], { cwd: repo, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${label} failed:\n${(r.stdout + r.stderr).split('\n').slice(-30).join('\n')}`);
  const refs = /references: (.*)/.exec(r.stdout + r.stderr)?.[1] ?? '';
  console.log(`${label.padEnd(44)} ${s(ms).padStart(8)}   (${refs})`);
  return ms;
}

/** Polls `url` every 25 ms until `done(status, body)`; the time from `since`. */
async function until(
  url: string,
  since: number,
  done: (status: number, body: string) => boolean,
  limitMs = 60_000,
): Promise<number> {
  for (;;) {
    try {
      const res = await fetch(url);
      if (done(res.status, await res.text())) return performance.now() - since;
    } catch {
      /* not up yet */
    }
    if (performance.now() - since > limitMs) throw new Error(`no answer from ${url} within ${limitMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const children: ReturnType<typeof spawn>[] = [];
try {
  writeCorpus(content, n);
  const { file, slug, edit: write } = oneProfileEdit(content);
  const edit = (marker: string, extra = '') => write(`${marker}${extra}`);
  console.log(`N=${n}; the edited profile: ${file}`);

  // 1. Rebuilds.
  build('first build (empty caches)');
  edit('Edited for the rebuild benchmark.');
  build('rebuild after editing one profile');

  // 2. The dev server.
  const port = 4400 + Math.floor(Math.random() * 500);
  const dev = spawn(process.execPath, [astroBin, 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(dev);
  let log = '';
  dev.stdout.on('data', (c: Buffer) => (log += c));
  dev.stderr.on('data', (c: Buffer) => (log += c));
  const page = `http://127.0.0.1:${port}/benchland/${slug}/`;
  const started = performance.now();
  await until(page, started, (status) => status === 200, 180_000);
  console.log(`${'dev: server start to first page'.padEnd(44)} ${s(performance.now() - started).padStart(8)}`);
  const times: { change: number[]; error: number[]; fixed: number[] } = { change: [], error: [], fixed: [] };
  for (let i = 1; i <= 3; i++) {
    const marker = `Dev edit number ${i}x${Date.now()}.`;
    let since = performance.now();
    edit(marker);
    times.change.push(await until(page, since, (status, body) => status === 200 && body.includes(marker)));
    since = performance.now();
    edit(marker, ' [@no-such-source-registered, p. 1].');
    times.error.push(
      await until(page, since, (status, body) => status >= 400 && body.includes('no-such-source-registered')),
    );
    since = performance.now();
    edit(`Fixed ${marker}`);
    times.fixed.push(await until(page, since, (status, body) => status === 200 && body.includes(`Fixed ${marker}`)));
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  console.log(
    `${'dev: save → page shows the change'.padEnd(44)} ${s(med(times.change)).padStart(8)}   (median of ${times.change.map(s).join(', ')})`,
  );
  console.log(
    `${'dev: save → page shows the citation error'.padEnd(44)} ${s(med(times.error)).padStart(8)}   (median of ${times.error.map(s).join(', ')})`,
  );
  console.log(
    `${'dev: save the fix → page shows it again'.padEnd(44)} ${s(med(times.fixed)).padStart(8)}   (median of ${times.fixed.map(s).join(', ')})`,
  );
  if (process.env.BENCH_DEV_LOG) writeFileSync(process.env.BENCH_DEV_LOG, log);
} finally {
  for (const c of children) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  rmSync(tmp, { recursive: true, force: true });
  rmSync(repoTmp, { recursive: true, force: true });
}
