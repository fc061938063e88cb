/**
 * Loads the content folder into one in-memory corpus for the checks and the citation graph: every file parsed,
 * validated against the schema, and able to say where (line, column) any of its fields stands.
 */
import { join, relative, sep } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { parseDocument, isMap, isPair, isScalar, type Document } from 'yaml';
import type { z } from 'astro/zod';
import {
  CountrySchema,
  EditionSchema,
  ProfileSchema,
  ProvisionSchema,
  SourceSchema,
  type Country,
  type Edition,
  type Profile,
  type Provision,
  type Source,
} from '../schemas/content.ts';
import { displayPath, listContentFiles, readContentText } from './content-files.ts';
import { explainBadId } from '../schemas/id.ts';
import { parseProfilePath } from './file-names.ts';
import { scanMdx, type ScanResult } from './mdx-scan.ts';
import { positionFinder, type Position } from './positions.ts';
import { fileProblem, type Problem, type Rule } from './problem.ts';
import { CONTENT_YAML_SCHEMA, liftUnquotedDates } from './yaml-dates.ts';

/** One parsed content file. `data` is null when the file could not be read or did not match its schema. */
export interface Entry<T> {
  id: string;
  /** Path relative to the project root, as shown in messages. */
  file: string;
  text: string;
  data: T | null;
  /** Where a field stands (path into the YAML), or an offset in the file. */
  at(where: (string | number)[] | number): Position;
}

export interface ProfileEntry extends Entry<Profile> {
  country: string;
  /** "2024-04" */
  month: string;
  /** "syria-2024-04" */
  edition: string;
  /** "deserters" */
  profile: string;
  scan: ScanResult;
}

export interface Corpus {
  /** Folder holding countries/, editions/, sources/, law/, profiles/ (and archive/). */
  contentDir: string;
  countries: Map<string, Entry<Country>>;
  editions: Map<string, Entry<Edition>>;
  sources: Map<string, Entry<Source>>;
  provisions: Map<string, Entry<Provision>>;
  profiles: ProfileEntry[];
  /** Problems met while reading and validating (syntax, schema, paths, duplicate files). */
  problems: Problem[];
}

const YAML_EXT = /\.yaml$/;

/** Finds the YAML node for a path, falling back to the nearest ancestor that exists. */
function yamlOffset(doc: Document, path: (string | number)[], keyInstead = false): number {
  for (let n = path.length; n >= 0; n--) {
    const sub = path.slice(0, n);
    if (keyInstead && n === path.length && n > 0) {
      const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === sub[sub.length - 1]);
        if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
      }
    }
    const node = n === 0 ? doc.contents : doc.getIn(sub, true);
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (range) return range[0];
  }
  return 0;
}

/** Turns Zod issues into problems, choosing the closest branch of a union so messages stay specific. */
function issuesToProblems(
  issues: z.core.$ZodIssue[],
  file: string,
  locate: (path: (string | number)[], key?: boolean) => Position,
  prefix: (string | number)[] = [],
): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    const path = [...prefix, ...(issue.path as (string | number)[])];
    if (issue.code === 'invalid_union' && 'errors' in issue && issue.errors.length) {
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
      return issuesToProblems(best, file, locate, path);
    }
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        ...locate([...path, key], true),
        severity: 'error',
        rule: 'invalid-field' as Rule,
        message: `unknown field "${[...path, key].join('.')}"`,
        hint: 'check the spelling; the fields are listed in src/schemas/content.ts',
      }));
    }
    const field = path.join('.') || '(file)';
    let hint = 'see src/schemas/content.ts for the allowed values';
    if (issue.code === 'invalid_value' && 'values' in issue)
      hint = `allowed values: ${issue.values.map(String).join(', ')}`;
    if (issue.code === 'invalid_type' && issue.message.includes('received undefined'))
      hint = `add the field "${path[path.length - 1]}"`;
    return [
      { file, ...locate(path), severity: 'error', rule: 'invalid-field', message: `${field}: ${issue.message}`, hint },
    ];
  });
}

/**
 * Parses a YAML text and validates it; positions are shifted by `offset` (for frontmatter inside a file).
 *
 * Why two parsers: js-yaml is what Astro itself loads content with, and it is about ten times faster, so it reads
 * every file. The `yaml` package keeps source positions; it runs only when something must be located.
 * js-yaml reads with the core schema (see yaml-dates.ts): no timestamps, merge keys or binary, so what Astro's
 * fuller YAML 1.1 reading would change (an unquoted date) is reported instead, and the rest is stricter, never looser.
 */
function parseYaml<T>(
  yamlText: string,
  schema: z.ZodType<T>,
  file: string,
  fileAt: (offset: number) => Position,
  offset: number,
): { data: T | null; at: (path: (string | number)[]) => Position; problems: Problem[] } {
  let doc: Document | undefined;
  const positioned = () => (doc ??= parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true }));
  const locate = (path: (string | number)[], key = false) => fileAt(offset + yamlOffset(positioned(), path, key));
  let raw: unknown;
  try {
    raw = loadYaml(yamlText, { schema: CONTENT_YAML_SCHEMA });
  } catch (error) {
    const errors = positioned().errors;
    const where = errors[0]?.pos[0] ?? (error as { mark?: { position: number } }).mark?.position ?? 0;
    const message = errors[0]?.message ?? (error as Error).message;
    return {
      data: null,
      at: locate,
      problems: [
        {
          file,
          ...fileAt(offset + where),
          severity: 'error',
          rule: 'syntax',
          message: `YAML cannot be read: ${message.split('\n')[0]}`,
          hint: 'check indentation and quote values that contain ": " or start with a special character',
        },
      ],
    };
  }
  const lifted = liftUnquotedDates(raw);
  const unquoted = lifted.found.map(({ path, text }): Problem => ({
    file,
    ...locate(path),
    severity: 'error',
    rule: 'unquoted-date',
    message: `${path.join('.')}: the date ${text} is not in quotes, so YAML tools read it as a timestamp and may change it`,
    hint: `write it in quotes: "${text}"`,
  }));
  const result = schema.safeParse(lifted.value ?? {});
  if (!result.success)
    return { data: null, at: locate, problems: [...unquoted, ...issuesToProblems(result.error.issues, file, locate)] };
  return { data: result.data, at: locate, problems: unquoted };
}

/** Loads the YAML files of one collection folder, keyed by file name. */
function loadYamlCollection<T>(
  root: string,
  contentDir: string,
  folder: string,
  files: string[],
  schema: z.ZodType<T>,
  problems: Problem[],
): Map<string, Entry<T>> {
  const entries = new Map<string, Entry<T>>();
  for (const full of files) {
    const file = displayPath(root, full);
    if (!YAML_EXT.test(full)) {
      problems.push(
        fileProblem(
          file,
          'unknown-file',
          `only .yaml files belong in content/${folder}/`,
          'rename the file to .yaml or move it elsewhere',
        ),
      );
      continue;
    }
    const id = relative(join(contentDir, folder), full).replace(YAML_EXT, '').split(sep).join('/');
    if (id.includes('/')) {
      problems.push(
        fileProblem(
          file,
          'unknown-file',
          `content/${folder}/ takes no sub-folders`,
          `move the file to content/${folder}/`,
        ),
      );
      continue;
    }
    const badId = explainBadId(id);
    if (badId) {
      problems.push(
        fileProblem(
          file,
          'invalid-file-name',
          `file name: ${badId}`,
          `rename the file: its name is the id that other content refers to`,
        ),
      );
      continue;
    }
    const text = readContentText(full, file, problems);
    if (text === null) {
      // Kept without data, so that what refers to it does not also fail as "unknown".
      if (!entries.has(id)) entries.set(id, { id, file, text: '', data: null, at: () => ({ line: 1, column: 1 }) });
      continue;
    }
    const fileAt = positionFinder(text);
    if (entries.has(id)) {
      problems.push(
        fileProblem(
          file,
          'duplicate-id',
          `"${id}" is defined twice in content/${folder}/`,
          `keep one of ${entries.get(id)!.file} and ${file}`,
        ),
      );
      continue;
    }
    const parsed = parseYaml(text, schema, file, fileAt, 0);
    problems.push(...parsed.problems);
    entries.set(id, {
      id,
      file,
      text,
      data: parsed.data,
      at: (where) => (typeof where === 'number' ? fileAt(where) : parsed.at(where)),
    });
  }
  return entries;
}

function loadProfiles(root: string, contentDir: string, files: string[], problems: Problem[]): ProfileEntry[] {
  const profiles: ProfileEntry[] = [];
  const base = join(contentDir, 'profiles');
  for (const full of files) {
    const file = displayPath(root, full);
    const rel = relative(base, full).split(sep).join('/');
    const path = parseProfilePath(rel);
    if ('message' in path) {
      problems.push({ file, line: 1, column: 1, severity: 'error', ...path });
      continue;
    }
    const { country, month, profile } = path;
    const text = readContentText(full, file, problems);
    if (text === null) continue;
    // A file read before with the same text gives the same entry: the dev server rechecks the whole corpus on
    // every save, and parsing only what changed keeps that recheck fast.
    const seen = parsedProfiles.get(full);
    if (seen && seen.text === text && seen.entry.file === file) {
      problems.push(...seen.problems);
      profiles.push(seen.entry);
      continue;
    }
    const before = problems.length;
    const fileAt = positionFinder(text);
    const scan = scanMdx(text);
    for (const p of scan.problems)
      problems.push({ file, ...fileAt(p.offset), severity: 'error', rule: p.rule, message: p.message, hint: p.hint });
    let data: Profile | null = null;
    let at: (path: (string | number)[]) => Position = () => fileAt(0);
    if (scan.frontmatter) {
      const parsed = parseYaml(scan.frontmatter.text, ProfileSchema, file, fileAt, scan.frontmatter.offset);
      problems.push(...parsed.problems);
      data = parsed.data;
      at = parsed.at;
      // Astro reads frontmatter with another YAML parser; what it refuses must fail here too, but only once.
      if (scan.yamlError && !parsed.problems.some((p) => p.rule === 'syntax')) {
        problems.push({
          file,
          ...fileAt(scan.yamlError.offset),
          severity: 'error',
          rule: 'syntax',
          message: `YAML cannot be read by the MDX compiler: ${scan.yamlError.message}`,
          hint: 'quote values that contain ": " or start with a special character',
        });
      }
    }
    const entry: ProfileEntry = {
      id: `${country}/${month}/${profile}`,
      file,
      text,
      data,
      country,
      month,
      profile,
      edition: `${country}-${month}`,
      scan,
      at: (where) => (typeof where === 'number' ? fileAt(where) : at(where)),
    };
    parsedProfiles.set(full, { text, entry, problems: problems.slice(before) });
    profiles.push(entry);
  }
  return profiles;
}

/** The last parse of each profile file, by absolute path: its text, entry and the problems it had. */
const parsedProfiles = new Map<string, { text: string; entry: ProfileEntry; problems: Problem[] }>();

/** Reads and validates every content file under `contentDir`. Paths in problems are relative to `root`. */
export function loadCorpus(contentDir: string, root: string = process.cwd()): Corpus {
  const problems: Problem[] = [];
  const files = listContentFiles(contentDir, root, problems);
  return {
    contentDir,
    countries: loadYamlCollection(root, contentDir, 'countries', files.get('countries')!, CountrySchema, problems),
    editions: loadYamlCollection(root, contentDir, 'editions', files.get('editions')!, EditionSchema, problems),
    sources: loadYamlCollection(root, contentDir, 'sources', files.get('sources')!, SourceSchema, problems),
    provisions: loadYamlCollection(root, contentDir, 'law', files.get('law')!, ProvisionSchema, problems),
    profiles: loadProfiles(root, contentDir, files.get('profiles')!, problems),
    problems,
  };
}
