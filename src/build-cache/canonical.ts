/**
 * One text for a value, the same in every process for equal values and different for different ones: what a cache
 * key hashes. JSON will not do: it drops Maps, Sets and `undefined`, and writes NaN as null.
 *
 * Order is kept, not sorted: an object's keys and a Map's entries in insertion order. The compiled profile lists
 * its frontmatter in the order given, so two orders are two inputs; every value keyed here is built in a fixed order
 * (from sorted files), so keeping the order costs no hits.
 */

/** Thrown for a value with no canonical text (a function, a class instance, a cycle): the caller does not cache. */
export class NotKeyable extends TypeError {}

/** The canonical text of `value`: a tagged, self-delimiting form of everything structuredClone carries as data. */
export function canonical(value: unknown): string {
  const open = new Set<object>();
  let out = '';
  const write = (v: unknown): void => {
    switch (typeof v) {
      case 'undefined':
        out += 'u';
        return;
      case 'boolean':
        out += v ? 't' : 'f';
        return;
      case 'number':
        out += Object.is(v, -0) ? 'n-0' : `n${v}`;
        return;
      case 'bigint':
        out += `i${v}`;
        return;
      case 'string':
        out += 's' + JSON.stringify(v);
        return;
      case 'object':
        if (v === null) {
          out += 'z';
          return;
        }
        if (open.has(v)) throw new NotKeyable('a value that contains itself has no canonical text');
        open.add(v);
        container(v);
        open.delete(v);
        return;
      default:
        throw new NotKeyable(`a ${typeof v} has no canonical text`);
    }
  };
  /** Arrays (a hole apart from `undefined`), Maps, Sets, Dates, RegExps and plain objects; nothing else. */
  const container = (v: object): void => {
    if (Array.isArray(v) || v instanceof Set) {
      const items = v instanceof Set ? [...v] : v;
      out += v instanceof Set ? 'S[' : 'a[';
      for (let i = 0; i < items.length; i++) {
        if (i > 0) out += ',';
        if (i in items) write(items[i]);
        else out += 'h';
      }
      out += ']';
    } else if (v instanceof Map) {
      out += 'm{';
      let first = true;
      for (const [k, item] of v) {
        out += first ? '' : ',';
        first = false;
        write(k);
        out += ':';
        write(item);
      }
      out += '}';
    } else if (v instanceof Date) {
      out += `d${v.getTime()}`;
    } else if (v instanceof RegExp) {
      out += `r${JSON.stringify(v.source)}${v.flags}`;
    } else {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) {
        throw new NotKeyable(`a ${proto?.constructor?.name ?? 'class'} instance has no canonical text`);
      }
      out += 'o{';
      let first = true;
      for (const k of Object.keys(v)) {
        out += (first ? '' : ',') + JSON.stringify(k) + ':';
        first = false;
        write((v as Record<string, unknown>)[k]);
      }
      out += '}';
    }
  };
  write(value);
  return out;
}
