/**
 * Cross-references from prose to a finding: a Markdown link with empty text whose URL is the finding's anchor,
 * `[](#finding-<id>)` for a finding of the same profile, `[](../<profile>/#finding-<id>)` for one of another profile
 * of the same edition. Plain Markdown, so the parser reads it natively; relative, so it works at a profile's edition
 * URL and at its current URL alike. The content gate renders it named by the finding's title and refuses an unknown
 * target; a finding id left as raw text in prose ("*draft-evaders#uk-view*") is reported as a warning.
 *
 * Pure module.
 */

/** A cross-reference found in a profile's body. `profile` is absent for the profile's own findings. */
export interface CrossRef {
  offset: number;
  profile?: string;
  id: string;
  /** Whether the link has no text of its own: the finding's title is put in. */
  empty: boolean;
}

/** Text that may be a finding id written out in prose: `id` or `profile#id`, kebab-case with one hyphen or more. */
export interface IdMention {
  offset: number;
  profile?: string;
  id: string;
}

const KEBAB = '[a-z0-9]+(?:-[a-z0-9]+)*';
const XREF = new RegExp(`^(?:\\.\\./(${KEBAB})/)?#finding-(${KEBAB})$`);
const MENTION = new RegExp(`(?<![\\w@#/.-])(?:(${KEBAB})#)?([a-z0-9]+(?:-[a-z0-9]+)+)(?![\\w-]|#)`, 'g');

/** The cross-reference a link URL makes, or null for any other link. */
export function crossRefOf(url: string): { profile?: string; id: string } | null {
  const m = XREF.exec(url);
  return m ? { ...(m[1] ? { profile: m[1] } : {}), id: m[2] } : null;
}

/** The URL of a cross-reference, as an author writes it. */
export const crossRefUrl = (id: string, profile?: string) =>
  profile ? `../${profile}/#finding-${id}` : `#finding-${id}`;

/** Id-like words of a text value, each with its index in the value. */
export function idMentions(value: string): { index: number; profile?: string; id: string }[] {
  return [...value.matchAll(MENTION)].map((m) => ({
    index: m.index,
    ...(m[1] ? { profile: m[1] } : {}),
    id: m[2],
  }));
}

/**
 * The id-like words of a text value outside its citation clusters (`spans`, indexes into the value), at their file
 * offsets; `offsets` maps the value to the file and is asked for only when there is a word to place.
 */
export function mentionsIn(
  value: string,
  spans: { start: number; stop: number }[],
  offsets: () => number[],
): IdMention[] {
  const found = idMentions(value).filter((m) => !spans.some((c) => m.index >= c.start && m.index < c.stop));
  if (!found.length) return [];
  const at = offsets();
  return found.map(({ index, ...m }) => ({ offset: at[index], ...m }));
}

/** The key of a finding across the corpus: `country/month/profile#id`. */
export const findingKey = (profilePath: string, id: string) => `${profilePath}#${id}`;

/** `country/month/profile` of a profile file's path (the last three segments: …/<country>/<month>/<profile>.mdx). */
export function profilePathOf(file: string): string | null {
  const parts = file.split(/[\\/]/).slice(-3);
  if (parts.length < 3 || !parts[2].endsWith('.mdx')) return null;
  return `${parts[0]}/${parts[1]}/${parts[2].slice(0, -'.mdx'.length)}`;
}

/** The `country/month/profile` a cross-reference points into, from the profile that holds it. */
export function targetPath(from: string, ref: { profile?: string }): string {
  if (!ref.profile) return from;
  return `${from.split('/').slice(0, 2).join('/')}/${ref.profile}`;
}
