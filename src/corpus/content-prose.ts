/**
 * The prose of each content file: what authors write in their own words, in every YAML file and in every text
 * field of a profile's frontmatter at any depth (conclusions included). Titles, names, identifiers and URLs are
 * left out, because they must match their sources exactly.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { scanMdx } from './mdx-scan.ts';
import { yamlTokenProblems } from './yaml-gate.ts';

/**
 * Fields that are not our prose, at any depth: titles, names and headings must match their sources exactly, and
 * the rest are identifiers, dates, numbers or links. Every other string, however deeply nested, is prose we wrote.
 */
const NOT_PROSE = new Set([
  'title',
  'shortTitle',
  'author',
  'publisher',
  'authority',
  'number',
  'URL',
  'archive',
  'structure',
  'label',
  'container-title',
  'literal',
  'family',
  'given',
  // names the publisher's own heading for the section, which must match it
  'officialSection',
]);

/** Every prose string in a parsed YAML value, at any depth. */
export function proseStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => proseStrings(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!NOT_PROSE.has(k)) proseStrings(v, out);
  }
  return out;
}

/** YAML read the way the corpus reads it: refused by the token gate before anything expands (an alias bomb). */
function plainYaml(text: string, file: string): unknown {
  const [refused] = yamlTokenProblems(text);
  if (refused) throw new Error(`${file}: ${refused.message} (npm run check locates it)`);
  return parse(text);
}

function walk(dir: string): string[] {
  try {
    return readdirSync(dir)
      .sort()
      .flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  } catch {
    return [];
  }
}

/** Each content file under `contentDir` with its prose as one text. */
export function contentProse(contentDir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const file of walk(contentDir).filter((f) => /\.ya?ml$/.test(f))) {
    const texts = proseStrings(plainYaml(readFileSync(file, 'utf8'), file));
    out.push({ file: relative(contentDir, file), text: texts.join('\n\n') });
  }
  for (const file of walk(join(contentDir, 'profiles')).filter((f) => f.endsWith('.mdx'))) {
    const text = readFileSync(file, 'utf8');
    const scan = scanMdx(text);
    // the profile's own title is ours too, so only its frontmatter's non-prose keys are skipped
    const texts = scan.frontmatter ? proseStrings(plainYaml(scan.frontmatter.text, file)) : [];
    texts.push(text.slice(scan.bodyOffset));
    out.push({ file: relative(contentDir, file), text: texts.join('\n\n') });
  }
  return out;
}
