/** Hostile YAML for tests of the content gate. */

/** "Billion laughs": nine levels of nine aliases each, 9^9 strings once expanded, in about half a kilobyte. */
export function aliasBomb(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= 8; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}
