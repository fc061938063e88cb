// unicode-name ships no types; only what the project uses is declared.
declare module 'unicode-name' {
  /** The character's Unicode name ("CYRILLIC SMALL LETTER DZE"), or undefined for one without a name. */
  export function unicodeName(char: string): string | undefined;
}
