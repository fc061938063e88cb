/**
 * Loads the content folder into one in-memory corpus for the checks and the citation graph: every file parsed,
 * validated against the schema, and able to say where (line, column) any of its fields stands.
 */
import { join, relative, sep } from 'node:path';
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
import { fileProblem, type Problem } from './problem.ts';
import type { z } from 'astro/zod';
import { parseYaml, yamlLocator } from './content-yaml.ts';

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

/** What a profile's text parses to, apart from where its fields stand: data only, so that a cache can keep it. */
export interface ProfileParse {
  scan: ScanResult;
  data: Profile | null;
  /** Problems of the file itself, in the order they were found. */
  problems: Problem[];
}

/**
 * Profile parses kept from earlier builds (src/build-cache/profile-parses.ts). A parse is a function of the code, the
 * file's path and its text; `get` answers only for exactly those, and `keep` is told every parse the load used.
 */
export interface ProfileParseCache {
  get(full: string, file: string, text: string): ProfileParse | undefined;
  keep(full: string, file: string, text: string, parse: ProfileParse): void;
  /** The load is over; nothing has read its parses yet. */
  loaded(): void;
}

/** Parses a profile's MDX and its frontmatter; `file` is the path problems name. */
function parseProfile(text: string, file: string, fileAt: (offset: number) => Position): ProfileParse {
  const problems: Problem[] = [];
  const scan = scanMdx(text);
  for (const p of scan.problems)
    problems.push({ file, ...fileAt(p.offset), severity: 'error', rule: p.rule, message: p.message, hint: p.hint });
  let data: Profile | null = null;
  if (scan.frontmatter) {
    const { text: yaml, offset } = scan.frontmatter;
    const parsed = parseYaml(yaml, ProfileSchema, file, fileAt, offset, scan.yamlTokens);
    problems.push(...parsed.problems);
    data = parsed.data;
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
  return { scan, data, problems };
}

function loadProfiles(
  root: string,
  contentDir: string,
  files: string[],
  problems: Problem[],
  cache?: ProfileParseCache,
): ProfileEntry[] {
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
      cache?.keep(full, file, text, seen.parse);
      problems.push(...seen.parse.problems);
      profiles.push(seen.entry);
      continue;
    }
    const fileAt = positionFinder(text);
    const parse = cache?.get(full, file, text) ?? parseProfile(text, file, fileAt);
    cache?.keep(full, file, text, parse);
    const { scan, data } = parse;
    // Located on demand from the text, so that a parse from the cache locates exactly as a fresh one.
    const at = scan.frontmatter ? yamlLocator(scan.frontmatter.text, fileAt, scan.frontmatter.offset) : () => fileAt(0);
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
    parsedProfiles.set(full, { text, entry, parse });
    problems.push(...parse.problems);
    profiles.push(entry);
  }
  return profiles;
}

/** The last parse of each profile file, by absolute path: its text, entry and parse. */
const parsedProfiles = new Map<string, { text: string; entry: ProfileEntry; parse: ProfileParse }>();

/**
 * Reads and validates every content file under `contentDir`. Paths in problems are relative to `root`. `cache`
 * holds profile parses of earlier builds; what the load finds is the same with it or without it.
 */
export function loadCorpus(contentDir: string, root: string = process.cwd(), cache?: ProfileParseCache): Corpus {
  const problems: Problem[] = [];
  const files = listContentFiles(contentDir, root, problems);
  const corpus: Corpus = {
    contentDir,
    countries: loadYamlCollection(root, contentDir, 'countries', files.get('countries')!, CountrySchema, problems),
    editions: loadYamlCollection(root, contentDir, 'editions', files.get('editions')!, EditionSchema, problems),
    sources: loadYamlCollection(root, contentDir, 'sources', files.get('sources')!, SourceSchema, problems),
    provisions: loadYamlCollection(root, contentDir, 'law', files.get('law')!, ProvisionSchema, problems),
    profiles: loadProfiles(root, contentDir, files.get('profiles')!, problems, cache),
    problems,
  };
  cache?.loaded();
  return corpus;
}
