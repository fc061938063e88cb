/**
 * The canonical text a cache key hashes: equal values give one text in any process, and values a compile could tell
 * apart give two, or a cached compile could stand for a different input.
 */
import { describe, expect, it } from 'vitest';
import { canonical, NotKeyable } from '../../../src/build-cache/canonical.ts';

describe('the canonical text of a value', () => {
  it('is the same for equal values built separately', () => {
    const make = () => ({
      title: 'T',
      list: [1, 'a', null, undefined, true],
      when: new Date('2024-04-01T00:00:00Z'),
      sources: new Map([['a', { title: 'A' }]]),
      tags: new Set(['x']),
      pattern: /a+/gi,
      big: 10n,
    });
    expect(canonical(make())).toBe(canonical(make()));
  });

  it('accepts a value referred to twice (not a cycle)', () => {
    const shared = { a: 1 };
    expect(canonical([shared, shared])).toBe(canonical([{ a: 1 }, { a: 1 }]));
  });

  // Each pair: two values a compile may treat differently.
  const different: [string, unknown, unknown][] = [
    ['a string and a number', '1', 1],
    ['0 and -0', 0, -0],
    ['NaN and null (JSON writes both as null)', NaN, null],
    ['undefined and null', undefined, null],
    ['a key set to undefined and no key', { a: undefined }, {}],
    ['a hole and undefined', [, 1], [undefined, 1]], // eslint-disable-line no-sparse-arrays
    ['keys in another order (the frontmatter export keeps the order)', { a: 1, b: 2 }, { b: 2, a: 1 }],
    ['a Map and an object with the same entries', new Map([['a', 1]]), { a: 1 }],
    [
      'Map entries in another order',
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
      new Map([
        ['b', 2],
        ['a', 1],
      ]),
    ],
    ['a Map key that is a string and one that is a number', new Map([['1', 1]]), new Map([[1, 1]])],
    ['a Set and an array', new Set([1]), [1]],
    ['two dates', new Date(0), new Date(1)],
    ['a date and its time as a number', new Date(5), 5],
    ['two patterns', /a/g, /a/i],
    ['a string with a quote and two strings', ['a","b'], ['a', 'b']],
    ['a string that looks like an encoding', 's"x"', 'x'],
    ['nested and flat arrays', [[1, 2]], [1, 2]],
    ['a bigint and a number', 1n, 1],
  ];
  it.each(different)('differs for %s', (_, a, b) => {
    expect(canonical(a)).not.toBe(canonical(b));
  });

  // Each case: a value that cannot be written down as data, so its compile is not cached.
  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;
  class Options {
    a = 1;
  }
  it.each([
    ['a function', { transform: () => {} }],
    ['a symbol', Symbol('s')],
    ['a class instance', new Options()],
    ['a cycle', cycle],
  ])('is refused for %s', (_, value) => {
    expect(() => canonical(value)).toThrow(NotKeyable);
  });
});
