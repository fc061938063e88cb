/** `npm ci` verifies every package it installs, on every platform: each lockfile entry carries its integrity hash. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../support/run-build.ts';

const lock: { packages: Record<string, { integrity?: string; link?: boolean }> } = JSON.parse(
  readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8'),
);

it('every package in package-lock.json has an integrity hash, except the project itself and links', () => {
  const unverified = Object.entries(lock.packages).filter(
    ([path, entry]) => path !== '' && !entry.link && !/^sha512-[A-Za-z0-9+/]+={0,2}$/.test(entry.integrity ?? ''),
  );
  expect(unverified.map(([path]) => path)).toEqual([]);
});
