/**
 * Unquoted dates in YAML. A YAML 1.1 loader (js-yaml's default, and Astro's content loader) turns a plain
 * `2025-02-30` into a Date, silently rolling it into 2 March, and a date-time into another day in another time zone.
 * Content is therefore read with a schema that keeps every timestamp a string, and each unquoted one is reported:
 * the author must quote it, so that every tool reads the same text.
 */
import yaml from 'js-yaml';

/** A timestamp written as a plain (unquoted) YAML scalar, kept as the author wrote it. */
export class UnquotedDate {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
}

// The two forms YAML 1.1 resolves to a timestamp, as js-yaml's own timestamp type matches them.
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const DATE_TIME =
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?$/;

const unquotedTimestamp = new yaml.Type('tag:yaml.org,2002:timestamp', {
  kind: 'scalar',
  // Implicit types apply only to plain scalars: a quoted "2025-02-30" stays an ordinary string.
  resolve: (text: string | null) => text !== null && (DATE.test(text) || DATE_TIME.test(text)),
  construct: (text: string) => new UnquotedDate(text),
});

/** YAML's core schema (JSON types, no timestamps), with unquoted timestamps marked instead of converted. */
export const CONTENT_YAML_SCHEMA = yaml.CORE_SCHEMA.extend({ implicit: [unquotedTimestamp] });

/**
 * Replaces every UnquotedDate in a loaded value by its text, and lists where they were, so that the value can be
 * validated as if the author had quoted them while the missing quotes are still reported.
 */
export function liftUnquotedDates(
  value: unknown,
  path: (string | number)[] = [],
  found: { path: (string | number)[]; text: string }[] = [],
): { value: unknown; found: { path: (string | number)[]; text: string }[] } {
  if (value instanceof UnquotedDate) {
    found.push({ path, text: value.text });
    return { value: value.text, found };
  }
  if (Array.isArray(value))
    return { value: value.map((v, i) => liftUnquotedDates(v, [...path, i], found).value), found };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = liftUnquotedDates(v, [...path, k], found).value;
    return { value: out, found };
  }
  return { value, found };
}
