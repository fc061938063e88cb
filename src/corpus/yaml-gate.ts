/**
 * What content YAML may use, decided before anything is built from it. Anchors, aliases and tags are refused on
 * the token stream of the `yaml` package's lexer and CST parser, which expand nothing and do not recurse: a
 * 1.4 KB "billion laughs" of aliases is refused in milliseconds instead of being expanded into gigabytes, and a
 * list nested 20,000 deep stops at the limit instead of overflowing the stack. Once the tokens pass, the value
 * (as the build loads it) is checked for keys that reach JavaScript's object machinery and for forbidden
 * characters in its decoded strings, so that a YAML escape ("\u202E", "\f") is caught like the character itself.
 */
import { CST, Lexer, Parser } from 'yaml';
import { LIMIT_HINT, MAX_YAML_DEPTH } from './content-limits.ts';
import { forbiddenCharacter, showInvisible } from './text-rules.ts';

export interface YamlGateProblem {
  rule: 'unsafe-yaml' | 'content-limit' | 'unsafe-character';
  message: string;
  hint: string;
}

/** A problem found on the token stream, at an offset in the YAML text. */
export interface YamlTokenProblem extends YamlGateProblem {
  offset: number;
}

/** A problem found in the loaded value, at the path of the key or value it concerns. */
export interface YamlValueProblem extends YamlGateProblem {
  path: (string | number)[];
  /** The problem is the key at `path`, not its value. */
  key: boolean;
}

const PLAIN_DATA = 'content YAML is plain data: write each value out where it is used';

const REFUSED_TOKENS: Record<string, [string, string]> = {
  anchor: ['a YAML anchor', PLAIN_DATA],
  alias: ['a YAML alias', PLAIN_DATA],
  tag: ['a YAML tag', 'remove the tag; content YAML takes plain strings, numbers, booleans, lists and maps'],
};

/** A lexeme as a message quotes it: invisible characters shown, and cut short. */
const quote = (lexeme: string) => showInvisible(lexeme.length > 40 ? `${lexeme.slice(0, 40)}…` : lexeme);

/**
 * Anchors (`&a`), aliases (`*a`), tags (`!x`, `!!binary`) and nesting deeper than MAX_YAML_DEPTH. Each kind is
 * reported once per text, at its first place, with how many more there are: an alias bomb is one error, not a
 * page of them. Stops at the first nesting beyond the limit, before the parser builds anything deeper.
 */
export function yamlTokenProblems(text: string): YamlTokenProblem[] {
  let found = verdicts.get(text);
  if (!found) {
    found = lexedProblems(text);
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(text, found);
  }
  return found.map((p) => ({ ...p }));
}

/**
 * Verdicts by YAML text: `astro dev` checks every content file again after each change, and most of them have not
 * changed. Bounded, since it also sees every saved version of a file.
 */
const verdicts = new Map<string, YamlTokenProblem[]>();
const MAX_VERDICTS = 5000;

function lexedProblems(text: string): YamlTokenProblem[] {
  const first = new Map<string, { problem: YamlTokenProblem; more: number }>();
  const parser = new Parser();
  let scalarNext = false;
  for (const lexeme of new Lexer().lex(text)) {
    const offset = parser.offset;
    const type: string | null = scalarNext ? 'scalar-source' : CST.tokenType(lexeme);
    scalarNext = type === 'scalar';
    const refused = type ? REFUSED_TOKENS[type] : undefined;
    const seen = type ? first.get(type) : undefined;
    if (seen) seen.more++;
    else if (refused) {
      const message = `${refused[0]} (${quote(lexeme)}) is not allowed`;
      first.set(type!, { problem: { offset, rule: 'unsafe-yaml', message, hint: refused[1] }, more: 0 });
    }
    for (const _ of parser.next(lexeme));
    // The document and its top collection are the first two entries of the stack.
    if (parser.stack.length - 2 > MAX_YAML_DEPTH) {
      const message = `YAML nests deeper than ${MAX_YAML_DEPTH} levels`;
      first.set('depth', { problem: { offset, rule: 'content-limit', message, hint: LIMIT_HINT }, more: 0 });
      break;
    }
  }
  return [...first.values()]
    .map(({ problem, more }) =>
      more ? { ...problem, message: `${problem.message} (${more} more in this file)` } : problem,
    )
    .sort((a, b) => a.offset - b.offset);
}

/** Keys that reach JavaScript's object machinery: `__proto__` would set a prototype that hides required fields. */
const REFUSED_KEYS = new Set(['__proto__', 'constructor', 'prototype', '<<']);

/**
 * Refused keys and forbidden characters in a loaded value (loaded after yamlTokenProblems passed, so it holds no
 * alias and is shallow). Keys are read as own properties, so a `__proto__` key is seen, never followed.
 */
export function yamlValueProblems(value: unknown, path: (string | number)[] = []): YamlValueProblem[] {
  if (typeof value === 'string') {
    const bad = forbiddenCharacter(value);
    return bad
      ? [
          {
            path,
            key: false,
            rule: 'unsafe-character',
            message: `${showInvisible(path.join('.'))}: ${bad.message}`,
            hint: bad.hint,
          },
        ]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => yamlValueProblems(v, [...path, i]));
  if (!value || typeof value !== 'object') return [];
  return Object.getOwnPropertyNames(value).flatMap((k): YamlValueProblem[] => {
    const at = [...path, k];
    if (REFUSED_KEYS.has(k))
      return [
        {
          path: at,
          key: true,
          rule: 'unsafe-yaml',
          message: k === '<<' ? 'a YAML merge key (<<) is not allowed' : `the key "${k}" is not allowed`,
          hint: k === '<<' ? PLAIN_DATA : 'rename the key; the fields are listed in src/schemas/content.ts',
        },
      ];
    const bad = forbiddenCharacter(k, true);
    if (bad)
      return [
        {
          path: at,
          key: true,
          rule: 'unsafe-character',
          message: `key "${showInvisible(k)}": ${bad.message}`,
          hint: bad.hint,
        },
      ];
    return yamlValueProblems((value as Record<string, unknown>)[k], at);
  });
}
