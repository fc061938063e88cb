/**
 * Writes the open data (src/citing/open-data/files.ts) into the build once every page is rendered, before the URL
 * record, the search index and the publish scan read the output; under `astro dev`, answers each request for
 * /data/v1/… from the current content.
 *
 * The files are pure data from the checked corpus, so a build makes their text early (`prepare`, from
 * astro:build:start), a few milliseconds at a time between the bundler's own work, and after
 * rendering only writes them: about half a second of JSON at 1,000 profiles no longer stands between the last page
 * and the search index and publish scan, which start only when this is written.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDataFiles, type OpenDataFile } from '../citing/open-data/files.ts';
import { getCorpus } from '../site/site-data.ts';

/** How long one slice of work may hold the main thread before it lets other work run. */
const SLICE_MS = 5;

/**
 * Makes every file's text, one slice at a time from the event loop. `finish` returns them all, making at once any
 * not made yet, and throws the error a slice met, so that a failure still fails the build where it did.
 */
export function textsInSlices(files: Map<string, OpenDataFile>) {
  const texts = new Map<string, string>();
  const pending = files.entries();
  let failure: { error: unknown } | undefined;
  const makeNext = () => {
    const next = pending.next();
    if (!next.done) texts.set(next.value[0], next.value[1].text());
    return !next.done;
  };
  const slice = () => {
    const until = performance.now() + SLICE_MS;
    try {
      while (!failure && makeNext()) if (performance.now() >= until) return void setImmediate(slice);
    } catch (error) {
      failure = { error };
    }
  };
  setImmediate(slice);
  return {
    finish(): Map<string, string> {
      if (failure) throw failure.error;
      while (makeNext());
      return texts;
    },
  };
}

/** Two integrations: `prepare` goes before the content check in the list, `write` where the data is written. */
export function openData() {
  let prepared: ReturnType<typeof textsInSlices> | undefined;
  const prepare: AstroIntegration = {
    name: 'cg:open-data:prepare',
    hooks: {
      // Every astro:config:setup has run: the content check has published the checked corpus. The texts wait in
      // memory (14 MB at 1,000 profiles) until the pages are written.
      'astro:build:start': () => {
        prepared = textsInSlices(openDataFiles(getCorpus()));
      },
    },
  };
  const write: AstroIntegration = {
    name: 'cg:open-data',
    hooks: {
      'astro:build:generated': ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const texts = (prepared ?? textsInSlices(openDataFiles(getCorpus()))).finish();
        prepared = undefined;
        const made = new Set<string>();
        for (const [url, text] of texts) {
          const path = join(root, url);
          const folder = dirname(path);
          if (!made.has(folder)) mkdirSync(folder, { recursive: true });
          made.add(folder);
          writeFileSync(path, text);
        }
        logger.info(`open data: ${texts.size} files written in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const url = req.url?.split(/[?#]/)[0] ?? '';
          const file = url.startsWith('/data/') ? openDataFiles(getCorpus()).get(url) : undefined;
          if (!file) return next();
          res.setHeader('Content-Type', file.contentType);
          res.end(file.text());
        });
      },
    },
  };
  return { prepare, write };
}
