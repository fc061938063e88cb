/**
 * `npm run urls:record`: adds every URL the last build served to the content folder's record of published URLs.
 * Nothing is ever removed: a URL leaves the record only by becoming a redirect (edit the line by hand).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { servedUrls, urlRecordPath } from '../src/integrations/url-record.ts';
import { formatUrlRecord, parseUrlRecord } from '../src/site/url-manifest.ts';

const outDir = resolve(process.env.CG_OUT_DIR ?? 'dist');
if (!existsSync(outDir)) {
  console.error(`urls:record: no build in ${relative(process.cwd(), outDir) || '.'}; run npm run build first`);
  process.exit(1);
}
const path = urlRecordPath();
const record = parseUrlRecord(existsSync(path) ? readFileSync(path, 'utf8') : '');
if (record.errors.length) {
  console.error(record.errors.map((e) => `${relative(process.cwd(), path)}:${e.line}:1  ${e.message}`).join('\n'));
  process.exit(1);
}
const served = servedUrls(outDir);
const added = [...served].filter((url) => !record.published.has(url));
writeFileSync(path, formatUrlRecord([...record.published, ...served], record.redirects));
console.log(
  `urls:record: ${added.length} URL${added.length === 1 ? '' : 's'} added to ${relative(process.cwd(), path)} (${record.published.size + added.length} in all)`,
);
