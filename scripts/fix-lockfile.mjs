// Run after every `npm install` on this project's registry mirror.
// Why: the mirror lacks some non-Linux optional platform packages (e.g. @pagefind/darwin-arm64), so `npm install`
// writes a lockfile without them and `npm ci` then refuses it ("Missing: … from lock file"). Placeholder entries
// with os/cpu let npm treat them as platform-skipped optional packages. Regenerating the lockfile against the full
// public registry makes this unnecessary.
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const pkgs = lock.packages;
const osOf = { darwin: 'darwin', win32: 'win32', windows: 'win32', linux: 'linux', freebsd: 'freebsd', android: 'android', openharmony: 'openharmony', sunos: 'sunos', aix: 'aix', netbsd: 'netbsd', openbsd: 'openbsd' };
let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    if (pkgs[`node_modules/${name}`] || pkgs[`${path}/node_modules/${name}`]) continue;
    const m = name.match(/(darwin|win32|windows|linux|freebsd|android|openharmony|sunos|aix|netbsd|openbsd|wasm32)-(arm64|arm|x64|ia32|wasi|ppc64|s390x|riscv64|loong64|mips64el)?(?:-(gnu|musl|msvc|gnueabihf|musleabihf))?/);
    if (!m || (m[1] !== 'wasm32' && !m[2])) continue;
    pkgs[`node_modules/${name}`] = {
      version: version.replace(/^[\^~]/, ''),
      optional: true,
      os: [m[1] === 'wasm32' ? 'none' : osOf[m[1]]],
      cpu: [m[1] === 'wasm32' ? 'wasm32' : m[2]],
      ...(m[3]?.startsWith('gnu') ? { libc: ['glibc'] } : m[3]?.startsWith('musl') ? { libc: ['musl'] } : {}),
    };
    added++;
  }
}
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log(`fix-lockfile: added ${added} placeholder entries`);
