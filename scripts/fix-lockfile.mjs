// Run after `npm install` if `npm ci` then says "Missing: <platform package> from lock file".
// Why: when a registry mirror lacks some other platform's native packages (e.g. @pagefind/darwin-arm64), `npm install`
// leaves them out of package-lock.json and `npm ci` refuses the lockfile. This script records each missing optional
// platform package with its real integrity hash, os/cpu/libc and engines, as published on the registry, so that
// `npm ci` on that platform verifies what it downloads. It never writes an entry it could not verify: if the
// registry does not have a version, it stops and says so (then regenerate the lockfile against the full registry).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORM = /(darwin|win32|windows|linux|freebsd|android|openharmony|sunos|aix|netbsd|openbsd|wasm32)-/;

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const pkgs = lock.packages;

/** The registry's record of one version, or null if the registry does not have it. */
function published(name, version) {
  try {
    const out = execFileSync(
      'npm',
      ['view', '--json', `${name}@${version}`, 'dist.integrity', 'os', 'cpu', 'libc', 'engines', 'license'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const meta = out.trim() ? JSON.parse(out) : null;
    return meta?.['dist.integrity'] ? meta : null;
  } catch {
    return null;
  }
}

let recorded = 0;
const missing = [];
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [name, range] of Object.entries(meta.optionalDependencies ?? {})) {
    if (!PLATFORM.test(name)) continue;
    const key = [`${path}/node_modules/${name}`, `node_modules/${name}`].find((k) => pkgs[k]) ?? `node_modules/${name}`;
    if (pkgs[key]?.integrity) continue;
    const version = range.replace(/^[\^~=]/, '');
    const info = published(name, version);
    if (!info) {
      missing.push(`${name}@${version}`);
      continue;
    }
    pkgs[key] = {
      version,
      integrity: info['dist.integrity'],
      ...(info.cpu ? { cpu: [info.cpu].flat() } : {}),
      ...(info.libc ? { libc: [info.libc].flat() } : {}),
      ...(info.license ? { license: info.license } : {}),
      optional: true,
      ...(info.os ? { os: [info.os].flat() } : {}),
      ...(info.engines ? { engines: info.engines } : {}),
    };
    recorded++;
  }
}
if (missing.length) {
  console.error(
    `fix-lockfile: the registry has no integrity for ${missing.join(', ')}; package-lock.json left unchanged.\n` +
      'Regenerate the lockfile where the registry has them (rm package-lock.json && npm install).',
  );
  process.exit(1);
}
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log(`fix-lockfile: recorded ${recorded} platform packages with their registry integrity`);
