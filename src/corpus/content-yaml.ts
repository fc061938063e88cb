/**
 * Content YAML read as the build reads it: the token gate first (src/corpus/yaml-gate.ts), then the loader, the
 * value gate and the schema, each problem located at its line and column.
 */
import { load as loadYaml } from 'js-yaml';
import { parseDocument, isMap, isPair, isScalar, type Document } from 'yaml';
import type { z } from 'astro/zod';
import type { Position } from './positions.ts';
import type { Problem, Rule } from './problem.ts';
import { CONTENT_YAML_SCHEMA, liftUnquotedDates } from './yaml-dates.ts';
import { yamlTokenProblems, yamlValueProblems, type YamlTokenProblem } from './yaml-gate.ts';

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

/** The parse of a YAML text that keeps positions, made on first use: most texts never need it. */
function positionedParse(yamlText: string): () => Document {
  let doc: Document | undefined;
  return () => (doc ??= parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true }));
}

/**
 * Where a field of a YAML text stands in its file (`offset`: where the text starts), by its path; with `key`, the
 * field's key rather than its value.
 */
export function yamlLocator(
  yamlText: string,
  fileAt: (offset: number) => Position,
  offset: number,
  positioned = positionedParse(yamlText),
): (path: (string | number)[], key?: boolean) => Position {
  return (path, key = false) => fileAt(offset + yamlOffset(positioned(), path, key));
}

/**
 * Parses a YAML text and validates it; positions are shifted by `offset` (for frontmatter inside a file).
 *
 * Why two parsers: js-yaml is what Astro itself loads content with, and it is about ten times faster, so it reads
 * every file. The `yaml` package keeps source positions; it runs only when something must be located.
 * js-yaml reads with the core schema (see yaml-dates.ts): no timestamps, merge keys or binary, so what Astro's
 * fuller YAML 1.1 reading would change (an unquoted date) is reported instead, and the rest is stricter, never looser.
 */
export function parseYaml<T>(
  yamlText: string,
  schema: z.ZodType<T>,
  file: string,
  fileAt: (offset: number) => Position,
  offset: number,
  /** The token gate's verdict when the caller has it already (a profile's frontmatter, from compilerInput). */
  tokens: YamlTokenProblem[] = yamlTokenProblems(yamlText),
): { data: T | null; at: (path: (string | number)[]) => Position; problems: Problem[] } {
  const positioned = positionedParse(yamlText);
  const locate = yamlLocator(yamlText, fileAt, offset, positioned);
  // Decided on the tokens before anything is loaded: an alias bomb or a 20,000-deep list never reaches a loader.
  if (tokens.length) {
    const problems = tokens.map(({ offset: at, ...p }): Problem => ({
      file,
      ...fileAt(offset + at),
      severity: 'error',
      ...p,
    }));
    return { data: null, at: locate, problems };
  }
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
  const unsafe = yamlValueProblems(raw);
  if (unsafe.length) {
    const problems = unsafe.map(({ path, key, ...p }): Problem => ({
      file,
      ...locate(path, key),
      severity: 'error',
      ...p,
    }));
    return { data: null, at: locate, problems };
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
