// Runs one command of an npm script: `node scripts/run.mjs astro build`. Checks the Node version first
// (assert-node.mjs), and turns Astro's telemetry off for this command and everything it starts, on every platform
// and without writing to the user's Astro config (which `astro telemetry disable` would do).
import './assert-node.mjs';
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/run.mjs <command> [args…]');
  process.exit(2);
}
const child = spawn(command, args, {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  // npm puts node_modules/.bin first on PATH; on Windows its entries are .cmd files, which need a shell.
  shell: process.platform === 'win32',
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('error', (err) => {
  console.error(`${command}: ${err.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
