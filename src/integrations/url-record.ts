/**
 * Published URLs never break: the build reads the record of every URL the site has published
 * (`<content>/published-urls.txt`; its redirects become pages through src/pages/[...moved].astro), and fails, naming each URL, when a
 * recorded URL is no longer served.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDir } from '../corpus/content-dir.ts';
import { compareWithBuild, isPublication, parseUrlRecord, type UrlRecord } from '../site/url-manifest.ts';
import { urlOfFile } from '../shared/urls.ts';

/** Where the record of a content folder lives. */
export function urlRecordPath(content: string = contentDir()): string {
  return join(content, 'published-urls.txt');
}

/** Every URL a built site serves, from its output folder. */
export function servedUrls(outDir: string): Set<string> {
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  return new Set(
    files
      .map((d) => relative(outDir, join(d.parentPath, d.name)))
      .filter(isPublication)
      .map(urlOfFile),
  );
}

/** The moves recorded for the content folder being built: old URL → new URL (the redirect pages' data). */
export function recordedRedirects(): Map<string, string> {
  return readRecord(urlRecordPath())?.redirects ?? new Map();
}

/** Thrown when the record cannot be read or a recorded URL is gone; the message is the whole report. */
export class UrlRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UrlRecordError';
    this.stack = '';
  }
}

function readRecord(path: string): UrlRecord | null {
  if (!existsSync(path)) return null;
  const record = parseUrlRecord(readFileSync(path, 'utf8'));
  const file = relative(process.cwd(), path);
  if (record.errors.length) {
    throw new UrlRecordError(
      record.errors
        .map(
          (e) =>
            `${file}:${e.line}:1  error  url-record  ${e.message}\n    hint: write one path per line, or /old/ -> /new/`,
        )
        .join('\n'),
    );
  }
  return record;
}

/** The integration. */
export function urlRecord(): AstroIntegration {
  let record: UrlRecord | null = null;
  let path = '';
  return {
    name: 'cg:url-record',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        path = urlRecordPath();
        record = readRecord(path);
        if (!record && command === 'build') logger.info(`no ${relative(process.cwd(), path)}: no URL is promised yet`);
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!record) return;
        const { missing, unrecorded } = compareWithBuild(record, servedUrls(fileURLToPath(dir)));
        const file = relative(process.cwd(), path);
        if (missing.length) {
          throw new UrlRecordError(
            `${missing.length} published URL${missing.length === 1 ? ' is' : 's are'} no longer served:\n` +
              missing
                .map(
                  (url) =>
                    `${file}  error  url-record  ${url} was published and is no longer served\n    hint: restore the page, or keep the URL working with a redirect line "${url} -> /new/place/"`,
                )
                .join('\n'),
          );
        }
        if (unrecorded.length)
          logger.info(
            `${unrecorded.length} new URL${unrecorded.length === 1 ? '' : 's'} not yet in ${file}; run \`npm run urls:record\` to record them`,
          );
      },
    },
  };
}
