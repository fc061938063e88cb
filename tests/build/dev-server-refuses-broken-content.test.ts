/**
 * `astro dev` on a copy of the valid fixture: saving a broken file turns every page into the report (status 500)
 * until the file is fixed, and the server survives the round trip. What happens when a check itself throws is
 * covered by tests/unit/integrations/dev-content-guard.test.ts, with a checker that throws on purpose.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import { copyValidFixture } from '../support/content-copy.ts';
import { aliasBomb } from '../support/hostile-yaml.ts';
import { childEnv, ROOT } from '../support/run-build.ts';

const DESERTERS = 'profiles/testland/2023-01/deserters.mdx';

/** A port free on the loopback interface right now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
    probe.on('error', fail);
  });
}

/** Starts `astro dev` on `contentDir`; its output folder and Vite cache are its own, and removed afterwards. */
async function startDev(contentDir: string) {
  const port = await freePort();
  const outDir = resolve(ROOT, `tmp/dev-out-${port}`);
  // The cache astro.config.mjs gives this content folder.
  const hash = createHash('sha256').update(contentDir).digest('hex').slice(0, 12);
  const cacheDir = resolve(ROOT, `node_modules/.astro-${hash}`);
  // Astro's dev server leaves page rendering to the test runner when it sees VITEST in its environment.
  const env = Object.fromEntries(
    Object.entries(childEnv({ CG_CONTENT_DIR: contentDir, CG_OUT_DIR: outDir })).filter(
      ([name]) => !name.startsWith('VITEST'),
    ),
  );
  // --ignore-lock: a contributor's own `npm run dev` in this checkout holds .astro/dev.json; start alongside it.
  const args = ['dev', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'];
  const child = spawn(resolve(ROOT, 'node_modules/.bin/astro'), args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  onTestFinished(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill();
      await exited;
    }
    rmSync(outDir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    alive: () => child.exitCode === null && child.signalCode === null,
    output: () => output,
    /** GET as a browser would open the page. */
    async get(path: string, accept = 'text/html') {
      const response = await fetch(origin + path, { headers: { accept } });
      return { status: response.status, body: await response.text() };
    },
  };
}

type Dev = Awaited<ReturnType<typeof startDev>>;

/** Requests `path` until it answers with `status`, since the watcher sees a saved file a moment later. */
async function until(dev: Dev, path: string, status: number, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last: { status: number; body: string } | string = 'no answer yet';
  while (Date.now() < deadline) {
    if (!dev.alive()) throw new Error(`astro dev exited:\n${dev.output()}`);
    try {
      last = await dev.get(path);
      if (last.status === status) return last;
    } catch (error) {
      last = String(error);
    }
    await sleep(250);
  }
  throw new Error(`${path} did not answer ${status}; last: ${JSON.stringify(last).slice(0, 500)}\n${dev.output()}`);
}

describe('astro dev with broken content', () => {
  it('answers pages and endpoints with the located error while a file is broken, pages again once fixed', async () => {
    const content = copyValidFixture();
    const dev = await startDev(content.dir);
    await until(dev, '/', 200);
    const file = join(content.dir, DESERTERS);
    const original = readFileSync(file, 'utf8');

    const at = content.replace(DESERTERS, '[@report-2022, sec. 2', '[@report-2099, sec. 2', '@report-2099');
    const broken = await until(dev, '/', 500);
    const located = `${relative(ROOT, content.dir)}/${DESERTERS}:${at.line}:${at.column}  error  unknown-source`;
    // Vite's error page carries the message as JSON inside a script, so slashes may be escaped.
    expect(broken.body.replaceAll('\\/', '/')).toContain(located);
    expect((await dev.get('/testland/2023-01/deserters/')).status).toBe(500);
    expect((await dev.get('/sources/report-2022.json', '*/*')).status).toBe(500);
    expect((await dev.get('/data/v1/testland/2023-01/deserters.json', '*/*')).status).toBe(500);

    writeFileSync(file, original);
    await until(dev, '/', 200);
    expect((await dev.get('/testland/2023-01/deserters/')).status).toBe(200);
    const data = await dev.get('/data/v1/testland/2023-01/deserters.json', '*/*');
    expect(data.status).toBe(200);
    expect(JSON.parse(data.body)).toMatchObject({ kind: 'profile', id: 'deserters', edition: 'testland-2023-01' });

    // A second break and fix: the watcher is still checking (it used to stop after an unexpected exception).
    content.replace(DESERTERS, 'level: in-general', 'level: sometimes');
    await until(dev, '/', 500);
    writeFileSync(file, original);
    await until(dev, '/', 200);
    expect(dev.alive()).toBe(true);
  });
});

describe('astro dev with an alias bomb in frontmatter', () => {
  it('stays up, answers with the unsafe-yaml error, and serves again after the fix', async () => {
    const content = copyValidFixture();
    const dev = await startDev(content.dir);
    const page = '/testland/2023-01/deserters/';
    await until(dev, page, 200);
    const file = join(content.dir, DESERTERS);
    const original = readFileSync(file, 'utf8');
    // One request is rendering when the file is saved, and more follow without pause while the watcher reports the
    // save and the check runs: each answers with the page as it was or with the report, never with whatever the
    // page or the compiler made of the unchecked file (a TypeError, Astro's frontmatter reader expanding the bomb).
    const rendering = dev.get(page);
    writeFileSync(file, original.replace('---\n', `---\n${aliasBomb()}`));
    const answers = [await rendering];
    const deadline = Date.now() + 30_000;
    while (answers.filter((a) => a.status === 500).length < 5 && Date.now() < deadline)
      answers.push(await dev.get(page));
    const refused = answers.filter((a) => a.status === 500);
    expect(refused).toHaveLength(5);
    for (const answer of answers) expect([200, 500]).toContain(answer.status);
    for (const answer of refused) expect(answer.body).toContain('unsafe-yaml');
    expect(dev.alive()).toBe(true);

    writeFileSync(file, original);
    await until(dev, page, 200);
    expect(dev.alive()).toBe(true);
  });
});

describe('astro dev after a source is edited', () => {
  it('shows the new short title in the citations of a profile already shown', async () => {
    const content = copyValidFixture();
    const dev = await startDev(content.dir);
    const page = '/testland/2023-01/deserters/';
    expect((await until(dev, page, 200)).body).toContain('Military report 2022');

    content.replace('sources/report-2022.yaml', 'shortTitle: Military report 2022', 'shortTitle: Army survey 2022');
    const deadline = Date.now() + 30_000;
    let body = '';
    while (Date.now() < deadline && !body.includes('Army survey 2022')) {
      await sleep(250);
      body = (await dev.get(page)).body;
    }
    expect(body).toContain('Army survey 2022');
    expect(body).not.toContain('Military report 2022');
  });
});

describe('astro dev after a profile is added', () => {
  it('serves the new profile at its URL without a restart', async () => {
    const content = copyValidFixture();
    const dev = await startDev(content.dir);
    const page = '/testland/2024-06/students/';
    await until(dev, '/testland/2024-06/evaders/', 200);
    expect((await dev.get(page)).status).toBe(404);

    const evaders = readFileSync(join(content.dir, 'profiles/testland/2024-06/evaders.mdx'), 'utf8');
    writeFileSync(join(content.dir, 'profiles/testland/2024-06/students.mdx'), evaders);
    const shown = await until(dev, page, 200);
    expect(shown.body).toContain('<h2 id="conclusions">');
  });
});
