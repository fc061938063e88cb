/**
 * The prose of each content file: what authors write in their own words. Titles, identifiers and URLs are
 * left out, because they must match their sources exactly.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { scanMdx } from './mdx-scan.ts';

/** YAML fields that hold prose, by collection folder. */
const PROSE_FIELDS: Record<string, string[]> = {
  sources: ['description', 'accessNote'],
  editions: ['summary', 'changes', 'coiPeriodNote'],
  law: ['summary', 'parts', 'changeNote'],
  countries: ['description'],
};

/** Frontmatter fields of profiles that hold prose (searched at any depth). */
const PROFILE_PROSE = new Set(['scope', 'summary', 'why', 'wouldSettle', 'factors']);

function collect(value: unknown, keys: Set<string> | null, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collect(v, keys, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!keys || keys.has(k)) collect(v, keys === PROFILE_PROSE ? keys : null, out);
  }
}

function walk(dir: string): string[] {
  try {
    return readdirSync(dir).sort().flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  } catch {
    return [];
  }
}

/** Each content file under `contentDir` with its prose as one text. */
export function contentProse(contentDir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const [folder, fields] of Object.entries(PROSE_FIELDS)) {
    for (const file of walk(join(contentDir, folder)).filter((f) => /\.ya?ml$/.test(f))) {
      const texts: string[] = [];
      const data = parse(readFileSync(file, 'utf8')) ?? {};
      // `parts` of a provision are objects: only their summaries are prose, not their labels
      if (Array.isArray(data.parts)) data.parts = data.parts.map((p: { summary?: string }) => p?.summary);
      collect(data, new Set(fields), texts);
      out.push({ file: relative(contentDir, file), text: texts.join('\n\n') });
    }
  }
  for (const file of walk(join(contentDir, 'profiles')).filter((f) => f.endsWith('.mdx'))) {
    const text = readFileSync(file, 'utf8');
    const scan = scanMdx(text);
    const texts: string[] = [];
    if (scan.frontmatter) collect(parse(scan.frontmatter.text), PROFILE_PROSE, texts);
    texts.push(text.slice(scan.bodyOffset));
    out.push({ file: relative(contentDir, file), text: texts.join('\n\n') });
  }
  return out;
}
